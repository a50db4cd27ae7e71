using Ccm.Silo.Health;
using Orleans.Runtime;

namespace Ccm.Silo.Composition.Readiness;

/// <summary>Ready while this silo is an Active member of the Orleans cluster (it has joined and is not leaving).</summary>
internal sealed class ClusterMembershipCheck(IClusterMembershipService membership, ILocalSiloDetails local, OrleansStart start) : IReadinessCheck
{
    public string Name => "cluster membership";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? ReadinessResult.Pass($"active, {active} active silo{(active == 1 ? "" : "s")}")
            : status is SiloStatus.None or SiloStatus.Created ? ReadinessResult.Fail(start.Status)
            : ReadinessResult.Fail($"this silo is {status} in the cluster, not Active"));
    }
}
