using System.Collections.Concurrent;

namespace Ccm.Runtime.Tests;

/// <summary>What the test grains report, and how tests steer them (one per silo, injected into the grains).</summary>
public sealed class Probe
{
    private int active;
    private int maxActive;

    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>The reconcile script: given the turn number (1-based) and the token, what the turn does.</summary>
    public Func<int, CancellationToken, Task<ReconcileResult>> Reconcile { get; set; } = (_, _) => Task.FromResult(ReconcileResult.Done);

    public int ReconcileTurns => Events.Count(e => e.StartsWith("reconcile ", StringComparison.Ordinal));

    public int MaxConcurrentTurns => Volatile.Read(ref maxActive);

    public int Count(string prefix) => Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Marks a turn as running for its lifetime, keeping the highest concurrency seen.</summary>
    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref active);
        int seen;
        while ((seen = Volatile.Read(ref maxActive)) < now && Interlocked.CompareExchange(ref maxActive, now, seen) != seen)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(Probe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe.active);
    }
}
