using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// What <see cref="ServicePlanner"/> decided: the ordered writes, the conflicts that forbid any write (an immutable
/// attribute changed, a load balancer that cannot be adopted), and notes the user should read (a port held by a
/// listener we did not create, left alone).
/// </summary>
public sealed record ServicePlan(ImmutableArray<ServiceOperation> Operations, ImmutableArray<AnnotationError> Conflicts, ImmutableArray<string> Notes)
{
    /// <summary>The <c>additional-resource-tags</c> we will have added once applied (<see cref="ServiceRecords.AddedTags"/>).</summary>
    public ImmutableArray<CloudClients.Tag> AddedTags { get; init; } = [];

    public static ServicePlan Refused(IEnumerable<AnnotationError> conflicts) => new([], [.. conflicts], []);

    public bool IsEmpty => Operations.IsEmpty;
}

/// <summary>How to plan backend changes.</summary>
/// <param name="BatchSize">Members per Add/Remove/Set call (<c>--sg-batch-size</c>, at most 40; creates take at most 20).</param>
/// <param name="RemovesFirst">Remove stale members before adding new ones (after <c>InstanceBackendServerNumberOverLimit</c>).</param>
/// <param name="KeepMembers">Remove and reweigh nothing: some wanted ENI members could not be resolved this turn, and
/// a partial picture must not take healthy members away (upstream's "invalid backend" rule).</param>
/// <param name="IgnoreWeightUpdate">Members keep the weight they have (<c>ignore-weight-update: on</c>, per group).</param>
public sealed record PlanOptions(int BatchSize = 40, bool RemovesFirst = false, bool KeepMembers = false, bool IgnoreWeightUpdate = false)
{
    /// <summary>The documented member limit of CreateVServerGroup.</summary>
    public const int CreateLimit = 20;

    /// <summary>Backends per load balancer (reference §4.1 quotas).</summary>
    public const int BackendQuota = 200;
}
