using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// The EIP of <c>external-ip-type: eip</c>. Upstream only shows the EIPs someone bound to the CLB; we also bind one
/// when none is (reusing an Available EIP of ours before allocating), and release ours when the Service no longer
/// wants it or goes. Two rules keep money safe: an EIP is ours only if it carries our tags (<see cref="EipState.IsOurs"/>)
/// and is never unbound from anything but our load balancer, nor released while bound; and while an EIP of ours may
/// exist the Service keeps the record that makes every later turn look for it (<see cref="ServiceRecords.EipAllocated"/>).
/// Binding and unbinding are asynchronous: an EIP between states makes the turn wait (<see cref="EipPlan.Settling"/>).
/// </summary>
public static class EipPlanner
{
    public static readonly IReadOnlySet<string> Changing = new HashSet<string>(StringComparer.Ordinal) { "Associating", "Unassociating", "Releasing" };

    /// <param name="loadBalancerId">Null when the load balancer is created in this plan.</param>
    /// <param name="allocationToken">The AllocateEipAddress ClientToken (the same for the same Service state).</param>
    /// <param name="turn">A token unique to this turn, for the bind and unbind ClientTokens (see <see cref="Token"/>).</param>
    public static EipPlan Ensure(DesiredService desired, bool wanted, string? loadBalancerId, EipState state, string allocationToken, string turn)
    {
        var identity = desired.Identity;
        if (!wanted)
        {
            return Release(identity, loadBalancerId, deleted: false, state, turn);
        }

        if (!state.Bound.IsEmpty)
        {
            // Bound already (by us or by the user): upstream's behaviour, show them all.
            return new EipPlan([], [.. state.Bound.Select(e => e.IpAddress).OfType<string>()], false,
                desired.Records.EipAllocated || state.Bound.Any(e => EipState.IsOurs(e, identity)));
        }

        var ours = state.Ours ?? [];
        if (loadBalancerId is not null && ours.FirstOrDefault(e => e.Status == "Available") is { } spare)
        {
            return new EipPlan([new AssociateEipOperation(spare.AllocationId, loadBalancerId, Token("a", turn, spare.AllocationId))],
                [.. new[] { spare.IpAddress }.OfType<string>()], false, true);
        }

        if (ours.Any(e => Changing.Contains(e.Status ?? "") && (e.InstanceId is null || e.InstanceId == loadBalancerId)))
        {
            return new EipPlan([], [], true, true); // ours is still settling from an earlier turn's change
        }

        var name = identity.DefaultLoadBalancerName;
        return new EipPlan(
            [new AllocateEipOperation(allocationToken, name, [.. EipState.OwnershipTags(identity)]), new AssociateEipOperation(null, loadBalancerId, Token("a", turn, name))],
            [], false, true);
    }

    /// <summary>
    /// Lets go of every EIP of ours: unbound from our load balancer first (then released by a later turn, once
    /// Available), released when Available, left alone when someone bound it elsewhere.
    /// </summary>
    /// <param name="deleted">The load balancer is deleted earlier in this plan, which unbinds its EIPs.</param>
    public static EipPlan Release(ServiceIdentity identity, string? loadBalancerId, bool deleted, EipState state, string turn)
    {
        if (state.Ours is not { } ours)
        {
            return new EipPlan([], [], false, false);
        }

        var operations = new List<ServiceOperation>();
        var settling = false;
        foreach (var eip in ours.Where(e => EipState.IsOurs(e, identity)))
        {
            var onOurs = eip.InstanceId is not null && eip.InstanceId == loadBalancerId;
            if (Changing.Contains(eip.Status ?? ""))
            {
                settling |= eip.InstanceId is null || onOurs;
            }
            else if (eip.Status == "Available" || (onOurs && deleted))
            {
                operations.Add(new ReleaseEipOperation(eip.AllocationId, eip.IpAddress));
            }
            else if (onOurs)
            {
                operations.Add(new UnassociateEipOperation(eip.AllocationId, loadBalancerId!, Token("u", turn, eip.AllocationId)));
                settling = true;
            }
        }

        return new EipPlan([.. operations], [], settling, settling);
    }

    /// <summary>
    /// A bind or unbind ClientToken: unique per turn and EIP, so transport retries of one call are idempotent while a later
    /// turn's call is not answered from an old one (an EIP someone unbound must be bindable again); what exists is read
    /// before each turn plans, so no turn binds twice.
    /// </summary>
    private static string Token(string action, string turn, string subject) => $"ccm-{action}-{turn}-{subject}";
}

/// <summary>
/// The EIP part of a plan: its operations, the addresses to show (empty when the load balancer's own, or the EIP is
/// allocated by this plan), whether an EIP is between states (the turn waits and comes back), and whether an EIP of ours
/// may exist afterwards (the <see cref="ServiceRecords.EipAllocated"/> record to keep).
/// </summary>
public sealed record EipPlan(ImmutableArray<ServiceOperation> Operations, ImmutableArray<string> Addresses, bool Settling, bool MayOwn)
{
    public static EipPlan None { get; } = new([], [], false, false);
}
