using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// Everything a Service asks of the cloud, computed from the Service, its EndpointSlices and the Nodes by
/// <see cref="DesiredStateBuilder"/>; the left-hand input of <see cref="ServicePlanner"/>.
/// </summary>
public sealed record DesiredService
{
    public required ServiceIdentity Identity { get; init; }

    public required ServiceAnnotations Annotations { get; init; }

    /// <summary>The user's load balancer (<c>...-loadbalancer-id</c>): adopted, never deleted.</summary>
    public string? AdoptedLoadBalancerId { get; init; }

    /// <summary>Whether we manage listeners on an adopted load balancer (<c>force-override-listeners: "true"</c>).</summary>
    public bool ForceOverrideListeners { get; init; }

    /// <summary>Our own load balancer outlives the Service (<c>preserve-lb-on-delete</c>).</summary>
    public bool PreserveOnDelete { get; init; }

    /// <summary>Written to the status instead of the address (<c>hostname</c>).</summary>
    public string? Hostname { get; init; }

    public required DesiredLoadBalancer LoadBalancer { get; init; }

    /// <summary>One per Service port, ordered so that HTTPS targets come before the HTTP listeners that forward to them.</summary>
    public ImmutableArray<DesiredListener> Listeners { get; init; } = [];

    public ImmutableArray<DesiredVServerGroup> VServerGroups { get; init; } = [];

    public bool IsAdopted => AdoptedLoadBalancerId is not null;

    /// <summary>Whether we create, change and delete listeners (always on our own load balancer).</summary>
    public bool ManagesListeners => !IsAdopted || ForceOverrideListeners;

    /// <summary>Pod IPs whose ENI is still to be looked up (ENI members not yet resolved).</summary>
    public IReadOnlyList<string> UnresolvedPodIps =>
        [.. VServerGroups.SelectMany(g => g.Backends).Where(b => b.Type == Backend.Eni && b.ServerId.Length == 0).Select(b => b.ServerIp!).Distinct()];

    /// <summary>
    /// Fills in the ENI of every pod-IP member from <paramref name="eniByIp"/>; members whose IP has none are dropped
    /// (the caller decides what that means: skipped outside the VPC, an error inside).
    /// </summary>
    public DesiredService WithEnis(IReadOnlyDictionary<string, string> eniByIp) => this with
    {
        VServerGroups = [.. VServerGroups.Select(g => g with
        {
            Backends = [.. g.Backends
                .Select(b => b.Type == Backend.Eni && b.ServerId.Length == 0 ? b with { ServerId = eniByIp.GetValueOrDefault(b.ServerIp!, "") } : b)
                .Where(b => b.ServerId.Length > 0)],
        })],
    };
}
