using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Ccm.Runtime.Tests;

/// <summary>What the test grains report, and how tests steer them (one per silo, injected into the grains).</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> active = new();
    private int maxActive;

    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>The reconcile script: given the turn number (1-based) and the token, what the turn does.</summary>
    public Func<int, CancellationToken, Task<ReconcileResult>> Reconcile { get; set; } = (_, _) => Task.FromResult(ReconcileResult.Done);

    /// <summary>A gate test grains may wait on; the test completes it.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many more activations of a flaky grain fail.</summary>
    public int ActivationFailures { get; set; }

    public int ReconcileTurns => Events.Count(e => e.StartsWith("reconcile ", StringComparison.Ordinal));

    public int MaxConcurrentTurns => Volatile.Read(ref maxActive);

    public int Count(string prefix) => Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Marks a turn of <paramref name="grain"/> as running for its lifetime, keeping the highest per-grain concurrency seen.</summary>
    public IDisposable Enter(string grain)
    {
        var counter = active.GetOrAdd(grain, _ => new StrongBox<int>());
        var now = Interlocked.Increment(ref counter.Value);
        int seen;
        while ((seen = Volatile.Read(ref maxActive)) < now && Interlocked.CompareExchange(ref maxActive, now, seen) != seen)
        {
        }

        return new Exit(counter);
    }

    private sealed class Exit(StrongBox<int> counter) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref counter.Value);
    }
}
