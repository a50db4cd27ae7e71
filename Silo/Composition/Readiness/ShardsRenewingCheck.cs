using Ccm.Runtime;
using Ccm.Silo.Health;

namespace Ccm.Silo.Composition.Readiness;

/// <summary>
/// "shards renewing": the silo completed a round with the Lease store within the renew deadline (it can hold and
/// renew shards), or it runs alone with <c>--leader-elect=false</c>. Holding no shard is fine (the peers have them).
/// </summary>
internal sealed class ShardsRenewingCheck(GrainSilo silo, GrainRuntimeOptions options, TimeProvider time) : IReadinessCheck
{
    public string Name => "shards renewing";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var statistics = silo.GetStatistics();
        if (!statistics.LeaderElect)
        {
            return Task.FromResult(ReadinessResult.Pass($"single silo (--leader-elect=false): {statistics.ShardsHeld} of {options.ShardCount} shards"));
        }

        var lastSync = statistics.LastLeaseSync;
        var now = time.GetUtcNow();
        return Task.FromResult(lastSync is { } synced && now - synced <= options.Leases.RenewDeadline
            ? ReadinessResult.Pass($"{statistics.ShardsHeld} of {options.ShardCount} shards held, {statistics.Members.Count} silos")
            : ReadinessResult.Fail(lastSync is null
                ? "no round with the Lease store has succeeded yet"
                : $"no round with the Lease store has succeeded for {(now - lastSync.Value).TotalSeconds:0}s"));
    }
}
