using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Grains.Watcher;
using Ccm.Silo.Hosting;

namespace Ccm.Silo.Composition;

/// <summary>Stop intake: no signal after this, and the watches close.</summary>
internal sealed class StopWatching(SignalDispatcher signals, InformerClusterCache cache) : IShutdownParticipant
{
    public string Name => "watcher: stop signalling, close watches";

    public ShutdownPhase Phase => ShutdownPhase.StopIntake;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Stop();
        return cache.StopAsync();
    }
}

/// <summary>
/// The runtime drains each shard (its running turns finish, its grains deactivate) and releases its Lease right
/// after, so peers take over shard by shard without waiting for expiry; then its membership Lease goes.
/// </summary>
/// <summary>Writes the Events still queued (the last turns' outcomes are worth keeping).</summary>
internal sealed class FlushEvents(KubeEventRecorder events) : IShutdownParticipant
{
    public string Name => "events: write what is queued";

    public ShutdownPhase Phase => ShutdownPhase.Flush;

    public Task StopAsync(CancellationToken cancellationToken) => events.FlushAsync(cancellationToken);
}
