using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// The pure decision of the Service grain: <c>(desired Service + nodes + endpoints, actual CLB state) -> ordered
/// operations</c>. Order: the load balancer, then its vServer groups and members (so listeners find their group),
/// then listeners (deletes first, to free ports), then our groups nothing uses any more. Each rule lives in
/// <see cref="LoadBalancerPlanner"/>, <see cref="BackendPlanner"/> and <see cref="ListenerPlanner"/>.
/// </summary>
public static class ServicePlanner
{
    /// <param name="actual">Null when the Service has no load balancer yet. When not null and a wanted group is absent
    /// from it, the caller must have listed every group (<see cref="ActualLoadBalancer.AllGroupsListed"/>): the group is
    /// then created, and a group created by a lost earlier attempt would otherwise be made twice.</param>
    public static ServicePlan Plan(DesiredService desired, ActualLoadBalancer? actual, PlanOptions options)
    {
        if (actual is not null)
        {
            var conflicts = LoadBalancerPlanner.AdoptionConflicts(desired, actual).Concat(LoadBalancerPlanner.ImmutableConflicts(desired, actual)).ToList();
            if (conflicts.Count > 0)
            {
                return ServicePlan.Refused(conflicts);
            }
        }

        var operations = LoadBalancerPlanner.Plan(desired, actual).ToList();
        var lbId = actual?.LoadBalancerId;
        var groups = actual?.VServerGroups ?? [];
        var found = groups
            .Where(g => desired.Identity.Owns(g.Name))
            .GroupBy(g => g.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.VServerGroupId, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var members = groups.Sum(g => g.Backends?.Length ?? 0);
        var idsByKey = found.ToDictionary(f => f.Key, f => f.Value.VServerGroupId, StringComparer.Ordinal);
        foreach (var group in desired.VServerGroups)
        {
            // A reused group is the user's (AdoptionConflicts made sure it exists); ours are found by name.
            var existing = group.ReusedId is { } reusedId ? groups.First(g => g.VServerGroupId == reusedId) : found.GetValueOrDefault(group.Key);
            if (existing is null)
            {
                operations.AddRange(BackendPlanner.Create(lbId, group.Key, group.Backends, options));
                continue;
            }

            idsByKey[group.Key] = existing.VServerGroupId;
            if (existing.Backends is { } backends)
            {
                operations.AddRange(BackendPlanner.Plan(existing.VServerGroupId, group.Key, group.Backends, backends, members,
                    options with { IgnoreWeightUpdate = group.IgnoreWeightUpdate }));
            }
        }

        var listeners = desired.ManagesListeners
            ? ListenerPlanner.Plan(desired, actual, idsByKey)
            : new ListenerPlanner.Result([], [], [.. (actual?.Listeners ?? []).Select(l => l.VServerGroupId).OfType<string>()]);
        operations.AddRange(listeners.Operations);
        var wanted = desired.VServerGroups.Select(g => idsByKey.GetValueOrDefault(g.Key)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        operations.AddRange(Leftovers(desired, groups, wanted, listeners.GroupsStillUsed));
        return new ServicePlan([.. operations], [], listeners.Notes) { AddedTags = LoadBalancerPlanner.AddedTags(desired, actual) };
    }

    /// <summary>
    /// Groups the Service no longer uses: ours are deleted unless a listener we leave alone still uses them; a user's group
    /// we had put members in (an earlier <c>vgroup-port</c>) only loses our members.
    /// </summary>
    private static IEnumerable<ServiceOperation> Leftovers(
        DesiredService desired, ImmutableArray<ActualVServerGroup> groups, HashSet<string> wanted, ImmutableHashSet<string> stillUsed)
    {
        foreach (var group in groups.Where(g => !wanted.Contains(g.VServerGroupId)))
        {
            if (!desired.Identity.Owns(group.Name))
            {
                var ours = (group.Backends ?? []).Where(b => desired.Identity.Owns(b.Description)).ToList();
                foreach (var batch in ours.Chunk(40))
                {
                    yield return new RemoveBackendsOperation(group.VServerGroupId, batch[0].Description!, [.. batch]);
                }
            }
            else if (!stillUsed.Contains(group.VServerGroupId))
            {
                yield return new DeleteVServerGroupOperation(group.VServerGroupId, group.Name);
            }
        }
    }
}
