using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A failed turn is retried with growing delays until it succeeds; a terminal failure waits for the next signal; a signal
/// does not wait for a pending retry. Delays are read from what the grain scheduled, never from the clock.
/// </summary>
public sealed class BackoffTests(ITestOutputHelper output)
{
    private const string Key = "default/nginx";

    [Fact]
    public async Task A_turn_that_fails_three_times_is_retried_with_growing_delays_until_it_succeeds()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        cluster.Probe.Turn = (turn, _) => turn.Number <= 3
            ? Task.FromException<ReconcileResult>(new InvalidOperationException($"cloud refused attempt {turn.Number}"))
            : Task.FromResult(ReconcileResult.Done);

        await cluster.Grains.GetGrain<IProbeGrain>(Key).Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, Key) && cluster.Probe.TurnsOf(Key).Count == 4, "the fourth turn succeeded");

        var turns = cluster.Probe.TurnsOf(Key);
        Assert.Equal([0, 1, 2, 3], turns.Select(t => t.FailuresBefore));
        Assert.All(turns, t => Assert.Equal(SignalKind.Event, t.Kind)); // a retry keeps the priority of the change that failed
        var delays = turns.Skip(1).Select(t => t.Scheduled!.Value).ToList();
        Assert.All(delays, d => Assert.True(d > TimeSpan.Zero, $"a retry waits ({d})"));
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2], $"each retry waits longer: {string.Join(", ", delays)}");
        var activation = cluster.Find(ProbeGrain.KindName, Key)!;
        Assert.Equal((TurnResult.Succeeded, 0), (activation.Last!.Result, activation.ConsecutiveFailures));
        Assert.Equal(3, cluster.Activity(cluster.Silos[0]).FailureTotal);
        Assert.Equal(4, cluster.Probe.Turns.Count); // and nothing after the success
    }

    [Fact]
    public async Task A_terminal_failure_is_not_retried_until_the_next_signal()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        cluster.Probe.Turn = (turn, _) => turn.Number == 1
            ? Task.FromException<ReconcileResult>(new InvalidOperationException("apply failed", new TerminalException("annotation is invalid")))
            : Task.FromResult(ReconcileResult.Done);
        var grain = cluster.Grains.GetGrain<IProbeGrain>(Key);

        await grain.Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Find(ProbeGrain.KindName, Key) is { Last.Result: TurnResult.Terminal, Running: false }, "the turn failed terminally");

        var failed = cluster.Find(ProbeGrain.KindName, Key)!;
        Assert.Equal(("Idle", 1), (failed.State, failed.ConsecutiveFailures));
        Assert.Null(failed.NextWake); // no retry is scheduled at all
        Assert.Single(cluster.Probe.TurnsOf(Key));

        await grain.Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, Key) && cluster.Probe.TurnsOf(Key).Count == 2, "the next signal ran a turn");

        var recovered = cluster.Find(ProbeGrain.KindName, Key)!;
        Assert.Equal((TurnResult.Succeeded, 0), (recovered.Last!.Result, recovered.ConsecutiveFailures));
        Assert.Equal(1, cluster.Probe.TurnsOf(Key)[1].FailuresBefore);
    }

    [Fact]
    public async Task A_signal_during_a_backoff_runs_a_turn_at_once_and_a_success_cancels_the_pending_retry()
    {
        // Retries ten minutes apart: a turn that runs within the test's bound was not the retry.
        var slow = new ReconcileOptions { Retry = new RetryBackoffOptions { BaseDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10), Jitter = 0 } };
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup { Reconcile = slow }, output);
        cluster.Probe.Turn = (turn, _) => turn.Number == 1
            ? Task.FromException<ReconcileResult>(new InvalidOperationException("cloud refused"))
            : Task.FromResult(ReconcileResult.Done);
        var grain = cluster.Grains.GetGrain<IProbeGrain>(Key);

        await grain.Signal(SignalKind.Resync);
        await Eventually.TrueAsync(() => cluster.Find(ProbeGrain.KindName, Key) is { State: "BackingOff" }, "the grain backs off");
        var backingOff = cluster.Find(ProbeGrain.KindName, Key)!;
        Assert.Equal(TimeSpan.FromMinutes(10), backingOff.NextWake - backingOff.Last!.Ended);

        await grain.Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, Key) && cluster.Probe.TurnsOf(Key).Count == 2, "the signal ran a turn before the retry was due");

        var second = cluster.Probe.TurnsOf(Key)[1];
        Assert.Equal((SignalKind.Event, 1), (second.Kind, second.FailuresBefore));
        var done = cluster.Find(ProbeGrain.KindName, Key)!;
        Assert.Equal((TurnResult.Succeeded, 0), (done.Last!.Result, done.ConsecutiveFailures));
        Assert.Null(done.NextWake); // the retry ten minutes out is no longer pending
    }
}
