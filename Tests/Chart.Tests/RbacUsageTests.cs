using Ccm.Kube.Http;

namespace Ccm.Chart.Tests;

/// <summary>
/// The chart's ClusterRole and Role against the Kubernetes calls the real silo makes (<see cref="SiloCallRecording"/>):
/// every call is allowed, and every granted verb is either used or listed here as needed but rare, with the reason.
/// </summary>
public sealed class RbacUsageTests
{
    /// <summary>Granted permissions a short life of the silo does not reach, each with why the silo still needs it.</summary>
    private static readonly Dictionary<RbacPermission, string> NeededButRare = new()
    {
        [new(RbacScope.Cluster, "", "events", "patch")] =
            "EventWriter patches the count of an Event it already wrote when the same Event repeats within the "
            + "aggregation window; whether the short recorded life repeats one depends on timing",
        [new(RbacScope.ReleaseNamespace, "coordination.k8s.io", "leases", "create")] =
            "the membership table writes a silo's IAmAlive into its slot Lease (creating it the first time) every "
            + "IAmAliveTablePublishTimeout (Orleans: 5 minutes), longer than the recorded life",
        [new(RbacScope.ReleaseNamespace, "coordination.k8s.io", "leases", "update")] =
            "the same IAmAlive write renews a slot Lease that exists, or takes it over from the slot's previous silo",
        [new(RbacScope.ReleaseNamespace, "coordination.k8s.io", "leases", "delete")] =
            "defunct-silo cleanup deletes the slot Lease of a silo declared dead, which a single healthy silo never is",
    };

    [Fact]
    public async Task Every_Kubernetes_call_the_silo_makes_is_allowed_by_the_chart_s_rules()
    {
        var granted = RbacPermission.GrantedByName(await ChartRenderer.RenderAsync());
        var calls = await SiloCallRecording.CallsAsync();

        var denied = calls.Where(call => !granted.Any(g => Allows(g.Permission, call) && (g.ResourceName is null || g.ResourceName == call.Name))).ToList();
        Assert.True(denied.Count == 0, $"the chart does not allow: {string.Join("; ", denied)}\nrecorded: {string.Join("; ", calls)}");
        Assert.Contains(calls, c => c.Resource == "leases"); // the recording saw the runtime, not only the grains
    }

    [Fact]
    public async Task Every_granted_verb_is_used_by_the_silo_or_listed_as_needed_but_rare()
    {
        var granted = RbacPermission.Granted(await ChartRenderer.RenderAsync());
        var calls = await SiloCallRecording.CallsAsync();

        var unused = granted.Where(p => !calls.Any(call => Allows(p, call)) && !NeededButRare.ContainsKey(p)).ToList();
        Assert.True(unused.Count == 0, $"granted but never called: {string.Join("; ", unused)}\nrecorded: {string.Join("; ", calls)}");
    }

    [Fact]
    public async Task Every_needed_but_rare_permission_is_granted()
    {
        var granted = RbacPermission.Granted(await ChartRenderer.RenderAsync());

        Assert.All(NeededButRare.Keys, p => Assert.Contains(p, granted));
    }

    /// <summary>
    /// A rule allows a call when group, resource (with subresource) and verb match; a Role only in its own namespace,
    /// so a cluster-wide list or a call in another namespace needs the ClusterRole. Names are checked by the caller
    /// where they matter (a call is allowed only on an object its rule names).
    /// </summary>
    private static bool Allows(RbacPermission permission, KubeCall call) =>
        permission.ApiGroup == call.ApiGroup
        && permission.Resource == call.RbacResource
        && permission.Verb == call.Verb
        && (permission.Scope == RbacScope.Cluster || call.Namespace == ChartRenderer.Namespace);
}
