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
        var found = (actual?.VServerGroups ?? [])
            .GroupBy(g => g.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.VServerGroupId, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var members = (actual?.VServerGroups ?? []).Sum(g => g.Backends?.Length ?? 0);
        foreach (var group in desired.VServerGroups)
        {
            if (found.GetValueOrDefault(group.Key) is not { } existing)
            {
                operations.AddRange(BackendPlanner.Create(lbId, group.Key, group.Backends, options));
            }
            else if (existing.Backends is { } backends)
            {
                operations.AddRange(BackendPlanner.Plan(existing.VServerGroupId, group.Key, group.Backends, backends, members, options));
            }
        }

        var idsByKey = found.ToDictionary(f => f.Key, f => f.Value.VServerGroupId, StringComparer.Ordinal);
        var listeners = desired.ManagesListeners
            ? ListenerPlanner.Plan(desired, actual, idsByKey)
            : new ListenerPlanner.Result([], [], [.. (actual?.Listeners ?? []).Select(l => l.VServerGroupId).OfType<string>()]);
        operations.AddRange(listeners.Operations);

        var wanted = desired.VServerGroups.Select(g => found.GetValueOrDefault(g.Key)?.VServerGroupId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        operations.AddRange((actual?.VServerGroups ?? [])
            .Where(g => !wanted.Contains(g.VServerGroupId) && !listeners.GroupsStillUsed.Contains(g.VServerGroupId))
            .Select(g => new DeleteVServerGroupOperation(g.VServerGroupId, g.Name)));
        return new ServicePlan([.. operations], [], listeners.Notes);
    }
}
