using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Services;

/// <summary>
/// What a Service that goes away leaves behind. Our own load balancer is deleted (delete protection switched off
/// first), unless <c>preserve-lb-on-delete</c>: then our listeners, groups and tags go and the load balancer stays,
/// unprotected, for its new owner. An adopted load balancer loses only what we added: our listeners, our groups and our
/// members in the user's groups (its tags stay, as upstream leaves them: another Service may reuse it too). A group a
/// listener of someone else's still uses cannot be deleted; it only loses our members. EIPs are <see cref="EipPlanner"/>'s.
/// </summary>
public static class DeletionPlanner
{
    /// <summary>What deletion needs to know, read without validating annotations: a Service being deleted with a
    /// broken annotation must still be cleaned up.</summary>
    /// <param name="AdditionalTags">The tags we may have added: annotated now, or recorded (<see cref="ServiceRecords"/>).</param>
    /// <param name="ReusedGroupIds">The user's groups we put members in (<c>vgroup-port</c>).</param>
    /// <param name="MayOwnEip">An EIP of ours may exist (annotated or recorded) and must be found and released.</param>
    public sealed record Intent(
        ServiceIdentity Identity, string? AdoptedLoadBalancerId, bool Preserve, ImmutableArray<Tag> AdditionalTags,
        ImmutableArray<string> ReusedGroupIds = default, bool MayOwnEip = false);

    /// <summary>
    /// Our own load balancer, not preserved, goes whole (its listeners and groups with it): its plan needs the load
    /// balancer alone, so its listeners and groups are not read.
    /// </summary>
    public static bool DeletesWhole(Intent intent, LoadBalancerOwnership ownership) => ownership == LoadBalancerOwnership.Owned && !intent.Preserve;

    /// <param name="actual">For <see cref="DeletesWhole"/>, the load balancer alone will do.</param>
    public static ImmutableArray<ServiceOperation> Plan(Intent intent, ActualLoadBalancer? actual)
    {
        if (actual is null)
        {
            return [];
        }

        var id = actual.LoadBalancerId;
        var have = actual.LoadBalancer;
        var owned = actual.Ownership == LoadBalancerOwnership.Owned;
        if (DeletesWhole(intent, actual.Ownership))
        {
            return have.DeleteProtection == "on"
                ? [new SetDeleteProtectionOperation(id, "off"), new DeleteLoadBalancerOperation(id)]
                : [new DeleteLoadBalancerOperation(id)];
        }

        var operations = new List<ServiceOperation>();
        var ours = actual.Listeners.Where(l => intent.Identity.Owns(l.Description)).ToList();
        operations.AddRange(ours.Select(l => new DeleteListenerOperation(id, l.ListenerPort, l.ListenerProtocol)));
        var usedByOthers = actual.Listeners.Except(ours).Select(l => l.VServerGroupId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var group in actual.VServerGroups)
        {
            if (!intent.Identity.Owns(group.Name))
            {
                var mine = (group.Backends ?? []).Where(b => intent.Identity.Owns(b.Description)).ToList();
                operations.AddRange(mine.Chunk(40).Select(batch => new RemoveBackendsOperation(group.VServerGroupId, batch[0].Description!, [.. batch])));
                continue;
            }

            if (!usedByOthers.Contains(group.VServerGroupId))
            {
                operations.Add(new DeleteVServerGroupOperation(group.VServerGroupId, group.Name));
                continue;
            }

            var members = (group.Backends ?? []).Where(b => b.Description == group.Name).ToList();
            operations.AddRange(members.Chunk(40).Select(batch => new RemoveBackendsOperation(group.VServerGroupId, group.Name, [.. batch])));
        }

        if (owned)
        {
            var ourTags = have.Tags.Where(t => t.Key is DesiredLoadBalancer.OwnerTagKey or DesiredLoadBalancer.ClusterTagKey || intent.AdditionalTags.Contains(t));
            operations.AddRange(ourTags.Chunk(10).Select(tags => new RemoveTagsOperation(id, [.. tags])));
            if (have.DeleteProtection == "on")
            {
                operations.Add(new SetDeleteProtectionOperation(id, "off"));
            }

            if (have.ModificationProtectionStatus == "ConsoleProtection")
            {
                operations.Add(new SetModificationProtectionOperation(id, "NonProtection", null));
            }
        }

        return [.. operations];
    }
}
