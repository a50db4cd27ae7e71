using Ccm.EndToEnd.Tests.Failover;
using Ccm.Grains.Routes;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// The soak's invariants, read from the emulators' state only (never from what the CCM believes). Each returns the
/// violations it sees now; <see cref="Record"/> keeps them distinct, with a count, and counts every check.
/// </summary>
internal sealed class ChaosInvariants(KubeObjects kube, CloudControl cloud, ForeignObjects foreign, ChaosWorkload workload)
{
    public const string OneClbPerService = "never two CLBs for one Service UID";
    public const string ForeignUntouched = "nothing foreign modified or deleted";
    public const string NoLeakAfterSettling = "no CLB of ours without a live Service (settled)";
    public const string Converged = "every Service's CLB and status, every node's route (settled)";

    private readonly Dictionary<string, long> checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> violations = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Checks => checks;

    public IReadOnlyDictionary<string, long> Violations => violations;

    /// <summary>The checks that hold at every instant, faults or not.</summary>
    public void CheckAlways()
    {
        Record(OneClbPerService, DuplicateClbs());
        Record(ForeignUntouched, foreign.Changed(cloud));
    }

    /// <summary>The state once settled: Services converged, no CLB leaked, each node's route present and no stale one of ours.</summary>
    public (LoadBalancerConvergence LoadBalancers, IReadOnlyList<string> Routes) Settled()
    {
        var state = LoadBalancerConvergence.Read(kube, cloud, DemoWorld.ClusterId, workload.Backends());
        return (state, RouteDifferences());
    }

    /// <summary>Records one check of <paramref name="invariant"/> and each distinct violation it found.</summary>
    public void Record(string invariant, IEnumerable<string> found)
    {
        checks[invariant] = checks.GetValueOrDefault(invariant) + 1;
        foreach (var violation in found)
        {
            var key = $"{invariant}: {violation}";
            violations[key] = violations.GetValueOrDefault(key) + 1;
        }
    }

    private IEnumerable<string> DuplicateClbs() =>
        cloud.Snapshot.LoadBalancers.Values
            .Select(lb => (lb.LoadBalancerId, Owner: lb.Tags.FirstOrDefault(t => t.Key == LoadBalancerConvergence.OwnerTagKey)?.Value))
            .Where(lb => lb.Owner is not null)
            .GroupBy(lb => lb.Owner!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Count()} CLBs ({string.Join(", ", g.Select(lb => lb.LoadBalancerId))}) carry the ownership tag {g.Key}");

    /// <summary>
    /// Per custom table: a node whose instance exists and has a pod CIDR lacks its route, or an entry this CCM made
    /// (its description says so) sends a CIDR no such node has.
    /// </summary>
    private List<string> RouteDifferences()
    {
        var instances = cloud.Instances.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        var wanted = kube.List("nodes")
            .Where(n => n["metadata"]?["deletionTimestamp"] is null && (string?)n["spec"]?["podCIDR"] is not null)
            .Select(n => (Cidr: (string)n["spec"]!["podCIDR"]!, Instance: ((string?)n["spec"]?["providerID"])?.Split('.').Last()))
            .Where(n => n.Instance is not null && instances.Contains(n.Instance))
            .Select(n => $"{n.Cidr} -> {n.Instance}")
            .ToHashSet(StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var table in DemoWorld.CustomRouteTableIds)
        {
            var ours = cloud.RouteEntries(table)
                .Where(e => e.Entry.IsCustom && e.Entry.Description.EndsWith(RouteOwnership.DescriptionMark, StringComparison.Ordinal))
                .Select(e => $"{e.Entry.DestinationCidrBlock} -> {string.Join("+", e.Entry.NextHops.Select(h => h.NextHopId))}")
                .ToHashSet(StringComparer.Ordinal);
            differences.AddRange(wanted.Except(ours).Select(r => $"{table} lacks {r}"));
            differences.AddRange(ours.Except(wanted).Select(r => $"{table} still has {r}"));
        }

        return differences;
    }
}
