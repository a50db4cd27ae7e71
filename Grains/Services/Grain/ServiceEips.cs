using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// The EIP step of a Service turn (<c>external-ip-type: eip</c>): reads what it needs through <see cref="EipFinder"/>
/// (nothing when the Service neither wants an EIP nor may own one) and plans with <see cref="EipPlanner"/>.
/// </summary>
public sealed class ServiceEips(EipFinder finder)
{
    /// <summary>How long a turn waits for an EIP that is being bound, unbound or released (seconds, in the real VPC).</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(2);

    /// <summary>An EIP in front of an intranet load balancer only; an internet one has its own public address.</summary>
    public static bool Wanted(DesiredService desired, ActualLoadBalancer? actual) =>
        desired.WantsEip && (actual?.LoadBalancer.AddressType ?? desired.LoadBalancer.AddressType) == "intranet";

    public async Task<EipPlan> EnsureAsync(V1Service service, DesiredService desired, ActualLoadBalancer? actual, CancellationToken cancellationToken)
    {
        var wanted = Wanted(desired, actual);
        var state = await finder.ReadAsync(desired.Identity, actual?.LoadBalancerId, wanted, desired.Records.EipAllocated, cancellationToken);

        // The same Service state allocates with the same token (a lost answer is answered again); any later state first
        // looks for the EIP by its tags, which is what keeps a second one from being allocated.
        var token = $"ccm-eip-{desired.Identity.Uid}-{service.Metadata.ResourceVersion}";
        return EipPlanner.Ensure(desired, wanted, actual?.LoadBalancerId, state, token, Turn());
    }

    /// <param name="deleted">The cleanup deletes the load balancer (which unbinds its EIPs) before these operations.</param>
    public async Task<EipPlan> ReleaseAsync(DeletionPlanner.Intent intent, ActualLoadBalancer? actual, bool deleted, CancellationToken cancellationToken)
    {
        var state = await finder.ReadAsync(intent.Identity, actual?.LoadBalancerId, wanted: false, intent.MayOwnEip, cancellationToken);
        return EipPlanner.Release(intent.Identity, actual?.LoadBalancerId, deleted, state, Turn());
    }

    private static string Turn() => Guid.NewGuid().ToString("N")[..12];
}
