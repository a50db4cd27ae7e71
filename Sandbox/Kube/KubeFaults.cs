using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// Fault injection for tests and benchmarks: what a real API server does to clients under etcd compaction, restarts
/// and load.
/// </summary>
public sealed class KubeFaults
{
    private readonly EventLog events;
    private long latencyTicks;

    internal KubeFaults(EventLog events) => this.events = events;

    /// <summary>Delay added before every request is handled (watch streams included, at their start).</summary>
    public TimeSpan RequestLatency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>The oldest resourceVersion a watch may still start from.</summary>
    public long OldestWatchableResourceVersion => events.OldestWatchable;

    /// <summary>
    /// Forgets the watch history up to now (like etcd compaction): a watch from any older resourceVersion gets an
    /// ERROR event with 410 Expired, and so does a list with an older continue token or exact version.
    /// </summary>
    public void CompactHistory() => events.Compact();

    /// <summary>Ends every open watch stream (clients see the connection close, as when an API server restarts).</summary>
    public void CloseAllWatches() => events.CloseAllWatches();
}
