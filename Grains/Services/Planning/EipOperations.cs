using System.Collections.Immutable;
using Ccm.CloudClients;

namespace Ccm.Grains.Services;

/// <summary>
/// Allocates the EIP of a Service whose intranet load balancer has none (<c>external-ip-type: eip</c>), tagged as ours
/// from its first instant. <paramref name="ClientToken"/> repeats for the same Service state, so a retry after a lost
/// answer gets the same EIP; across turns the EIP is found by its tags before any allocation.
/// </summary>
public sealed record AllocateEipOperation(string ClientToken, string Name, ImmutableArray<Tag> Tags) : ServiceOperation
{
    public override string Action => "AllocateEipAddress";

    public override string Target => Name;

    public override string? Detail => string.Join(" ", Tags.Select(t => $"{t.Key}={t.Value}"));
}

/// <summary>Binds an EIP to the load balancer; a null id is the EIP (or load balancer) created earlier in the plan.</summary>
public sealed record AssociateEipOperation(string? AllocationId, string? LoadBalancerId, string ClientToken) : ServiceOperation
{
    public override string Action => "AssociateEipAddress";

    public override string Target => $"{AllocationId ?? "(new EIP)"} -> {Lb(LoadBalancerId)}";
}

/// <summary>Unbinds our EIP from the load balancer (asynchronous: it is released once Available, a later turn).</summary>
public sealed record UnassociateEipOperation(string AllocationId, string LoadBalancerId, string ClientToken) : ServiceOperation
{
    public override string Action => "UnassociateEipAddress";

    public override string Target => $"{AllocationId} -> {LoadBalancerId}";
}

/// <summary>Releases an EIP we allocated (it carries our tags) that nothing uses any more.</summary>
public sealed record ReleaseEipOperation(string AllocationId, string? IpAddress) : ServiceOperation
{
    public override string Action => "ReleaseEipAddress";

    public override string Target => AllocationId;

    public override string? Detail => IpAddress;
}
