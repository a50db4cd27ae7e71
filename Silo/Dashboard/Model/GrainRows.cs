using Ccm.GrainInterfaces.State;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>The last plan of a grain in one line: when, how many operations and how they went.</summary>
public sealed record PlanSummary(DateTimeOffset At, bool DryRun, string? Trigger, int Operations, int Succeeded, int Failed, int NotApplied);

/// <summary>A row of the Services table.</summary>
public sealed record ServiceRow
{
    public required string Key { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Silo { get; init; }

    public required GrainPhase Phase { get; init; }

    public string? Reason { get; init; }

    public string? LoadBalancerId { get; init; }

    public string? Address { get; init; }

    public string? AddressType { get; init; }

    public LoadBalancerOwnership Ownership { get; init; }

    /// <summary>Listeners as <c>TCP:80</c>.</summary>
    public required IReadOnlyList<string> Listeners { get; init; }

    public int BackendCount { get; init; }

    public PlanSummary? LastPlan { get; init; }

    public GrainError? LastError { get; init; }

    public DateTimeOffset? LastReconciledAt { get; init; }

    public DateTimeOffset? NextReminderAt { get; init; }
}

/// <summary>A row of the Nodes table.</summary>
public sealed record NodeRow
{
    public required string Name { get; init; }

    public required string Silo { get; init; }

    public required GrainPhase Phase { get; init; }

    /// <summary>Why the node is skipped or waiting, in the grain's words.</summary>
    public string? Reason { get; init; }

    public string? InstanceId { get; init; }

    public string? ProviderId { get; init; }

    public ProviderIdSource ProviderIdSource { get; init; }

    public string? ZoneId { get; init; }

    public string? InstanceType { get; init; }

    public string? InstanceStatus { get; init; }

    /// <summary>False while the <c>uninitialized</c> taint is still on the node.</summary>
    public bool Initialized { get; init; }

    public bool ShutdownTaint { get; init; }

    public PlanSummary? LastPlan { get; init; }

    public GrainError? LastError { get; init; }

    public DateTimeOffset? LastReconciledAt { get; init; }

    public DateTimeOffset? NextReminderAt { get; init; }
}

/// <summary>A row of the route tables table.</summary>
public sealed record RouteTableRow
{
    public required string Id { get; init; }

    public required string Silo { get; init; }

    public required GrainPhase Phase { get; init; }

    public string? Reason { get; init; }

    public string? VpcId { get; init; }

    public int RoutesPresent { get; init; }

    public int RoutesDesired { get; init; }

    public int CustomEntries { get; init; }

    public int Quota { get; init; }

    public bool Full { get; init; }

    public DateTimeOffset? LastPeriodAt { get; init; }

    public PlanSummary? LastPlan { get; init; }

    public GrainError? LastError { get; init; }

    public DateTimeOffset? NextReminderAt { get; init; }
}

/// <summary>A page of rows from every silo, with the silos they came from.</summary>
public sealed record GrainList<TRow>(DateTimeOffset Now, IReadOnlyList<TRow> Items, int Total, IReadOnlyList<PeerStatus> Silos);
