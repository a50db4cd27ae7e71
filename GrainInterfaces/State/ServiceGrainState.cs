namespace Ccm.GrainInterfaces.State;

/// <summary>A Service's load balancer as its grain last saw and made it.</summary>
public sealed record ServiceGrainState : GrainState
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public string? LoadBalancerId { get; init; }

    /// <summary>The address written to <c>status.loadBalancer.ingress</c> (IP or hostname).</summary>
    public string? Address { get; init; }

    /// <summary><c>internet</c> or <c>intranet</c>.</summary>
    public string? AddressType { get; init; }

    public LoadBalancerOwnership Ownership { get; init; }

    public IReadOnlyList<ListenerSummary> Listeners { get; init; } = [];

    /// <summary>Backends across all of the Service's vServer groups.</summary>
    public int BackendCount { get; init; }
}

public enum LoadBalancerOwnership
{
    /// <summary>No load balancer yet (or none any more).</summary>
    None,

    /// <summary>Created by us; deleted with the Service unless preserve-lb-on-delete.</summary>
    Owned,

    /// <summary>The user's, named by the <c>...-loadbalancer-id</c> annotation; never deleted by us.</summary>
    Adopted,
}

/// <summary>
/// One listener and its vServer group: <paramref name="Backends"/> members in all, of which <paramref name="BackendServers"/>
/// lists only the first few (ten), so a Service on thousands of nodes does not keep thousands of summaries.
/// </summary>
public sealed record ListenerSummary(int Port, string Protocol, string Status, string? VServerGroupId, int Backends, IReadOnlyList<BackendSummary> BackendServers);

/// <summary>One backend of a vServer group.</summary>
public sealed record BackendSummary(string ServerId, string Type, int Port, int Weight, string? ServerIp, string? NodeName);
