using Ccm.Grains.Cluster;
using Ccm.Silo.Health;

namespace Ccm.Silo.Composition.Readiness;

/// <summary>"watches synced": the cluster cache holds a complete first list of Services, EndpointSlices and Nodes.</summary>
internal sealed class WatchesSyncedCheck(InformerClusterCache cache) : IReadinessCheck
{
    public string Name => "watches synced";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var kinds = cache.Kinds();
        var summary = string.Join(", ", kinds.Select(k => $"{k.Objects} {k.Resource}"));
        return Task.FromResult(kinds.All(k => k.Synced)
            ? ReadinessResult.Pass(summary)
            : ReadinessResult.Fail("still listing " + string.Join(", ", kinds.Where(k => !k.Synced).Select(k => k.Resource))));
    }
}
