namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>A pod of a Deployment, as the planner sees it.</summary>
internal sealed record ReplicaPod(string Name, string TemplateHash, bool Scheduled, bool Ready);

/// <summary>How many pods to create and which to delete to bring a Deployment to its replica count.</summary>
internal sealed record ReplicaPlan(int Create, IReadOnlyList<string> Delete);

/// <summary>
/// The Deployment controller's decision, pure. Pods of an older template all go at once (the stand-in rolls out like
/// the Recreate strategy); surplus pods go least useful first: unscheduled, then not ready, then the newest names.
/// </summary>
internal static class ReplicaPlanner
{
    public static ReplicaPlan Plan(int replicas, string templateHash, IReadOnlyList<ReplicaPod> pods)
    {
        var stale = pods.Where(p => p.TemplateHash != templateHash).Select(p => p.Name);
        var current = pods.Where(p => p.TemplateHash == templateHash).ToList();
        var surplus = current
            .OrderBy(p => p.Scheduled)
            .ThenBy(p => p.Ready)
            .ThenByDescending(p => p.Name, StringComparer.Ordinal)
            .Take(Math.Max(0, current.Count - replicas))
            .Select(p => p.Name);
        return new ReplicaPlan(Math.Max(0, replicas - current.Count), [.. stale, .. surplus]);
    }
}
