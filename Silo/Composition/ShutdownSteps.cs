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

// Draining and hand-over need no step here: turns end as soon as the stop begins (they watch ApplicationStopping,
// which cancels the cloud calls they wait on), and Orleans' own stop (OrleansStart, after these steps) deactivates the
// grains and writes this silo's membership row Dead, which deletes its slot Lease, so peers own its keys at once.

/// <summary>Writes the Events still queued (the last turns' outcomes are worth keeping).</summary>
internal sealed class FlushEvents(KubeEventRecorder events) : IShutdownParticipant
{
    public string Name => "events: write what is queued";

    public ShutdownPhase Phase => ShutdownPhase.Flush;

    public Task StopAsync(CancellationToken cancellationToken) => events.FlushAsync(cancellationToken);
}
