using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Ccm.Silo.Health;

/// <summary>
/// Liveness: the process answers, and every long-running loop that registered a <see cref="Heartbeat"/> has beaten
/// within its allowance. A loop that hangs (a deadlock, a stuck await) makes <c>/healthz</c> fail so the kubelet
/// restarts the pod; a loop that merely fails and retries keeps beating and stays live.
/// </summary>
public sealed class LivenessMonitor(TimeProvider time)
{
    private readonly ConcurrentDictionary<Heartbeat, byte> heartbeats = new();

    /// <summary>Registers a loop that promises to call <see cref="Heartbeat.Beat"/> at least every <paramref name="allowedSilence"/>.</summary>
    public Heartbeat Register(string loop, TimeSpan allowedSilence)
    {
        var heartbeat = new Heartbeat(loop, allowedSilence, time, h => heartbeats.TryRemove(h, out _));
        heartbeats[heartbeat] = 0;
        return heartbeat;
    }

    public ImmutableArray<CheckOutcome> Evaluate()
    {
        var now = time.GetUtcNow();
        return [.. heartbeats.Keys.OrderBy(h => h.Loop, StringComparer.Ordinal).Select(h => h.Evaluate(now))];
    }
}
