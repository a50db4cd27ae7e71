using Ccm.Kube.Http;

namespace Ccm.Chart.Tests;

/// <summary>
/// The chart's ClusterRole and Role against the Kubernetes calls the real silo makes (<see cref="SiloCallRecording"/>):
/// every call is allowed (by name where a rule names objects), and every granted verb is either used or listed here as
/// needed but rare, with the reason.
/// </summary>
public sealed class RbacUsageTests
{
    /// <summary>Granted permissions a short life of the silo does not reach, each with why the silo still needs it.</summary>
    private static readonly Dictionary<RbacPermission, string> NeededButRare = new()
    {
        [new(RbacScope.Cluster, "", "events", "patch")] =
            "EventWriter patches the count of an Event it already wrote when the same Event repeats within the "
            + "aggregation window; whether the short recorded life repeats one depends on timing",
        [new(RbacScope.ReleaseNamespace, "coordination.k8s.io", "leases", "update")] =
            "a silo renews its slot Lease at every IAmAlive after the first, which creates it; Orleans writes IAmAlive "
            + "every 30 s (IAmAliveTablePublishTimeout), so the second write falls after the recorded life",
        [new(RbacScope.ReleaseNamespace, "coordination.k8s.io", "leases", "delete")] =
            "a silo's row written Dead (a graceful stop, or peers declaring it dead) deletes its slot Lease, and the cleanup "
            + "deletes any left by a silo dead longer than DefunctSiloExpiration (7 days); whether the recording's stop "
            + "reaches the Dead write before the process ends depends on timing",
    };

    [Fact]
    public async Task Every_Kubernetes_call_the_silo_makes_is_allowed_by_the_chart_s_rules()
    {
        var granted = RbacPermission.GrantedByName(await ChartRenderer.RenderAsync());
        var calls = await SiloCallRecording.CallsAsync();

        var denied = calls.Where(call => !granted.Any(g => Allows(g.Permission, call) && (g.ResourceName is null || g.ResourceName == call.Name))).ToList();
        Assert.True(denied.Count == 0, $"the chart does not allow: {string.Join("; ", denied)}\nrecorded: {string.Join("; ", calls)}");
        Assert.Contains(calls, c => c.Resource == "leases"); // the recording saw the membership table, not only the grains
        Assert.Contains(calls, c => c.Resource == "configmaps" && c.Verb == "update" && c.Name == "ccm-membership");
    }

    [Fact]
    public async Task Every_granted_verb_is_used_by_the_silo_or_listed_as_needed_but_rare()
    {
        var granted = RbacPermission.Granted(await ChartRenderer.RenderAsync());
        var calls = await SiloCallRecording.CallsAsync();

        // By verb, not by name: a short life of one silo uses one slot Lease and the reminder buckets its grains hash to.
        var unused = granted.Select(p => p.AnyName).Distinct()
            .Where(p => !calls.Any(call => Allows(p, call)) && !NeededButRare.ContainsKey(p)).ToList();
        Assert.True(unused.Count == 0, $"granted but never called: {string.Join("; ", unused)}\nrecorded: {string.Join("; ", calls)}");
    }

    [Fact]
    public async Task Every_needed_but_rare_permission_is_granted()
    {
        var granted = RbacPermission.Granted(await ChartRenderer.RenderAsync());

        Assert.All(NeededButRare.Keys, p => Assert.Contains(p, granted.Select(g => g.AnyName)));
    }

    /// <summary>
    /// A rule allows a call when group, resource (with subresource) and verb match, and its names (if it has any) name
    /// the call's object; a Role only in its own namespace, so a cluster-wide list or a call in another namespace needs
    /// the ClusterRole. A create names no object, so only a rule without names allows it, as in Kubernetes.
    /// </summary>
    private static bool Allows(RbacPermission permission, KubeCall call) =>
        permission.ApiGroup == call.ApiGroup
        && permission.Resource == call.RbacResource
        && permission.Verb == call.Verb
        && (permission.ResourceName is null || permission.ResourceName == call.Name)
        && (permission.Scope == RbacScope.Cluster || call.Namespace == ChartRenderer.Namespace);
}
