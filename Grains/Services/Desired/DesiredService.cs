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

    /// <summary>An EIP in front of the intranet load balancer, shown as the Service's address (<c>external-ip-type: eip</c>).</summary>
    public bool WantsEip { get; init; }

    /// <summary>ENI members are found by their IPv6 address, from the IPv6 EndpointSlices (<c>backend-ip-version: ipv6</c>,
    /// effective with the <c>IPv6DualStack</c> gate on an <c>ip-version: ipv6</c> load balancer, as upstream).</summary>
    public bool Ipv6Backends { get; init; }

    /// <summary>What we added earlier that the annotations no longer say (<see cref="ServiceRecords"/>).</summary>
    public ServiceRecords Records { get; init; } = ServiceRecords.None;

    /// <summary>The addresses <c>status.loadBalancer.ingress</c> shows now (a reused load balancer must not replace another's).</summary>
    public ImmutableArray<ShownIngress> ShownIngress { get; init; } = [];

    /// <summary>One per Service port, ordered so that HTTPS targets come before the HTTP listeners that forward to them.</summary>
    public ImmutableArray<DesiredListener> Listeners { get; init; } = [];

    public ImmutableArray<DesiredVServerGroup> VServerGroups { get; init; } = [];

    public bool IsAdopted => AdoptedLoadBalancerId is not null;

    /// <summary>The user's vServer groups this Service's members go into (<c>vgroup-port</c>).</summary>
    public IReadOnlyList<string> ReusedGroupIds => [.. VServerGroups.Select(g => g.ReusedId).OfType<string>().Distinct()];

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

/// <summary>One entry of <c>status.loadBalancer.ingress</c>: an IP, or a hostname alone.</summary>
public sealed record ShownIngress(string? Ip, string? Hostname);
