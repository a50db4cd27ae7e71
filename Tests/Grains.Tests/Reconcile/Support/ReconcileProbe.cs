using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Orleans.Runtime;

namespace Ccm.Grains.Tests.Reconcile.Support;

/// <summary>
/// The script and the log of one test's probe grains, shared by every silo of the test (they all run in this process):
/// what a turn does (<see cref="Turn"/>), and every turn and reminder tick each grain had, with the silo it ran on.
/// </summary>
public sealed class ReconcileProbe
{
    private readonly ConcurrentQueue<ProbeTurn> turns = new();
    private readonly ConcurrentQueue<ProbeTick> ticks = new();
    private readonly ConcurrentDictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ProbeTick> withdrawals = new();

    /// <summary>The body of every probe grain's turn; by default the object is converged at once.</summary>
    public Func<ProbeTurn, CancellationToken, Task<ReconcileResult>> Turn { get; set; } = (_, _) => Task.FromResult(ReconcileResult.Done);

    /// <summary>The periodic resync of <see cref="ResyncProbeGrain"/>s, read as each activates.</summary>
    public TimeSpan? ResyncPeriod { get; set; }

    public IReadOnlyList<ProbeTurn> Turns => [.. turns];

    public IReadOnlyList<ProbeTick> Ticks => [.. ticks];

    /// <summary>Every activation that withdrew its published state (it moved away), with the silo it left.</summary>
    public IReadOnlyList<ProbeTick> Withdrawals => [.. withdrawals];

    public IReadOnlyList<ProbeTurn> TurnsOf(string key) => [.. turns.Where(t => t.Key == key)];

    internal Task<ReconcileResult> RunAsync(string key, SiloAddress silo, ReconcileTurn reconcile, ActivationInfo? info, CancellationToken cancellationToken)
    {
        var scheduled = info is { NextWake: { } wake, Last: { } last } ? wake - last.Ended : (TimeSpan?)null;
        var turn = new ProbeTurn(key, silo, numbers.AddOrUpdate(key, 1, (_, n) => n + 1), reconcile.Kind, info?.ConsecutiveFailures ?? 0, scheduled, reconcile.Deadline);
        turns.Enqueue(turn);
        return Turn(turn, cancellationToken);
    }

    internal void Tick(string key, SiloAddress silo) => ticks.Enqueue(new ProbeTick(key, silo));

    internal void Withdrew(string key, SiloAddress silo) => withdrawals.Enqueue(new ProbeTick(key, silo));
}

/// <summary>One turn of a probe grain, as it began.</summary>
/// <param name="Number">The grain's turns so far, this one included, over all its activations.</param>
/// <param name="Kind">What woke it: the priority of its cloud calls.</param>
/// <param name="FailuresBefore">The reconcile layer's count of consecutive failures before this turn.</param>
/// <param name="Scheduled">The delay the previous turn set for the next one (a retry's backoff; zero when a signal was
/// pending); null when it set none.</param>
/// <param name="Deadline">The turn's work budget.</param>
public sealed record ProbeTurn(string Key, SiloAddress Silo, int Number, SignalKind Kind, int FailuresBefore, TimeSpan? Scheduled, TurnDeadline Deadline);

/// <summary>A reminder tick a probe grain received (or a withdrawal it made), and where.</summary>
public sealed record ProbeTick(string Key, SiloAddress Silo);
