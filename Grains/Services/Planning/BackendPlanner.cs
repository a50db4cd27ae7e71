using System.Collections.Immutable;

namespace Ccm.Grains.Services;

/// <summary>
/// The member changes of one existing vServer group (ours, or a user's we put members in). Only members carrying the
/// group's key as their description are ours to remove or reweigh; a member someone else added stays whatever we want (and, if we want the same server, is
/// left as it is). Adds come first so capacity never dips, unless the load balancer's 200-member quota is near (or was
/// hit), when removes come first (upstream #262).
/// </summary>
public static class BackendPlanner
{
    public static IEnumerable<ServiceOperation> Plan(
        string groupId, string key, ImmutableArray<Backend> wanted, ImmutableArray<Backend> found, int loadBalancerMembers, PlanOptions options)
    {
        var present = found.Select(b => b.Identity).ToHashSet();
        var wantedIds = wanted.Select(b => b.Identity).ToHashSet();
        var ours = found.Where(b => b.Description == key).ToList();
        var adds = wanted.Where(b => !present.Contains(b.Identity)).ToList();
        var removes = options.KeepMembers ? [] : ours.Where(b => !wantedIds.Contains(b.Identity)).ToList();
        var reweigh = options.KeepMembers || options.IgnoreWeightUpdate
            ? []
            : wanted.Where(w => ours.Any(o => o.Identity == w.Identity && o.Weight != w.Weight)).ToList();

        var removesFirst = options.RemovesFirst || loadBalancerMembers + adds.Count > PlanOptions.BackendQuota;
        var addOps = Batches(adds, options.BatchSize).Select(b => (ServiceOperation)new AddBackendsOperation(groupId, key, b));
        var removeOps = Batches(removes, options.BatchSize).Select(b => (ServiceOperation)new RemoveBackendsOperation(groupId, key, b));
        var weightOps = Batches(reweigh, options.BatchSize).Select(b => (ServiceOperation)new SetBackendWeightsOperation(groupId, key, b));
        return removesFirst ? [.. removeOps, .. addOps, .. weightOps] : [.. addOps, .. removeOps, .. weightOps];
    }

    /// <summary>A new group: created with its first members (the create call takes at most 20), the rest added in batches.</summary>
    public static IEnumerable<ServiceOperation> Create(string? loadBalancerId, string key, ImmutableArray<Backend> wanted, PlanOptions options)
    {
        var first = Math.Min(PlanOptions.CreateLimit, options.BatchSize);
        yield return new CreateVServerGroupOperation(loadBalancerId, key, [.. wanted.Take(first)]);
        foreach (var batch in Batches([.. wanted.Skip(first)], options.BatchSize))
        {
            yield return new AddBackendsOperation(null, key, batch);
        }
    }

    private static IEnumerable<ImmutableArray<Backend>> Batches(IReadOnlyList<Backend> backends, int size) =>
        backends.Chunk(Math.Clamp(size, 1, 40)).Select(c => c.ToImmutableArray());
}
