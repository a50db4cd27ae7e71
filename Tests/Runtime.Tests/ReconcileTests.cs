using Ccm.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

public sealed class ReconcileTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Failed_turns_retry_with_exponential_backoff_and_reset_on_success()
    {
        await using var silo = await TestSilo.StartAsync(time);
        silo.Probe.Reconcile = (turn, _) => turn <= 3 ? throw new HttpRequestException($"throttled {turn}") : Task.FromResult(ReconcileResult.Done);
        var id = silo.Factory.GetGrainId<IScriptedReconciler>("web");
        var start = time.GetUtcNow();

        silo.Factory.Signal<IScriptedReconciler>("web");
        await BackingOffAsync(silo, id, failures: 1, nextRetry: start + TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.Equal(1, silo.Probe.ReconcileTurns);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await BackingOffAsync(silo, id, failures: 2, nextRetry: start + TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(2));
        await BackingOffAsync(silo, id, failures: 3, nextRetry: start + TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(4));

        await Eventually.TrueAsync(() => silo.Activation(id) is { ConsecutiveFailures: 0, State: ActivationState.Idle, NextWake: null }, "the fourth turn succeeded");
        Assert.Equal(4, silo.Probe.ReconcileTurns);
        var failures = silo.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains("Reconcile of", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.Equal("IScriptedReconciler/web", f.Values["GrainId"]));
        Assert.Equal(3, silo.Silo.GetStatistics().Turns.Failures);
    }

    [Fact]
    public async Task Backoff_is_capped_at_the_maximum_delay()
    {
        await using var silo = await TestSilo.StartAsync(time, o => o.Retry.MaxDelay = TimeSpan.FromSeconds(3));
        silo.Probe.Reconcile = (_, _) => throw new HttpRequestException("down");
        var id = silo.Factory.GetGrainId<IScriptedReconciler>("web");

        silo.Factory.Signal<IScriptedReconciler>("web");
        await BackingOffAsync(silo, id, 1, time.GetUtcNow() + TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        await BackingOffAsync(silo, id, 2, time.GetUtcNow() + TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));
        await BackingOffAsync(silo, id, 3, time.GetUtcNow() + TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(3));
        await BackingOffAsync(silo, id, 4, time.GetUtcNow() + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_terminal_failure_is_not_retried_until_the_next_signal()
    {
        await using var silo = await TestSilo.StartAsync(time);
        silo.Probe.Reconcile = (turn, _) => turn == 1
            ? throw new InvalidOperationException("wrapped", new TerminalException("annotation x is not a number"))
            : Task.FromResult(ReconcileResult.Done);
        var id = silo.Factory.GetGrainId<IScriptedReconciler>("web");

        silo.Factory.Signal<IScriptedReconciler>("web");
        await Eventually.TrueAsync(() => silo.Activation(id) is { LastTurn.Result: TurnResult.Terminal }, "the turn failed terminally");
        time.Advance(TimeSpan.FromMinutes(10)); // shorter than the idle timeout, far longer than any backoff
        await Task.Delay(50);
        Assert.Equal(1, silo.Probe.ReconcileTurns);
        Assert.Null(silo.Activation(id)!.NextWake);
        Assert.Single(silo.Logs.Entries, e => e.Message.Contains("failed terminally", StringComparison.Ordinal));

        silo.Factory.Signal<IScriptedReconciler>("web");
        await Eventually.TrueAsync(() => silo.Activation(id) is { LastTurn.Result: TurnResult.Succeeded, ConsecutiveFailures: 0 }, "the signal ran a turn");
        Assert.Equal(2, silo.Probe.ReconcileTurns);
    }

    [Fact]
    public async Task RequeueAfter_runs_another_turn_after_the_delay()
    {
        await using var silo = await TestSilo.StartAsync(time);
        silo.Probe.Reconcile = (turn, _) => Task.FromResult(turn == 1 ? ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30)) : ReconcileResult.Done);
        var id = silo.Factory.GetGrainId<IScriptedReconciler>("web");

        silo.Factory.Signal<IScriptedReconciler>("web");
        await Eventually.TrueAsync(() => silo.Activation(id) is { State: ActivationState.Scheduled }, "the requeue is scheduled");
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(30), silo.Activation(id)!.NextWake);
        time.Advance(TimeSpan.FromSeconds(30));

        await Eventually.TrueAsync(() => silo.Probe.ReconcileTurns == 2 && silo.Activation(id) is { State: ActivationState.Idle }, "the requeued turn ran");
    }

    [Fact]
    public async Task A_signal_during_backoff_runs_a_turn_now_and_the_failure_count_goes_on()
    {
        await using var silo = await TestSilo.StartAsync(time);
        silo.Probe.Reconcile = (_, _) => throw new HttpRequestException("down");
        var id = silo.Factory.GetGrainId<IScriptedReconciler>("web");

        silo.Factory.Signal<IScriptedReconciler>("web");
        await BackingOffAsync(silo, id, 1, time.GetUtcNow() + TimeSpan.FromSeconds(1));
        silo.Factory.Signal<IScriptedReconciler>("web");

        await BackingOffAsync(silo, id, 2, time.GetUtcNow() + TimeSpan.FromSeconds(2));
        Assert.Equal(2, silo.Probe.ReconcileTurns);
    }

    [Fact]
    public async Task A_failing_grain_does_not_delay_other_grains()
    {
        await using var silo = await TestSilo.StartAsync(time);
        var stuck = new TaskCompletionSource<ReconcileResult>();
        silo.Probe.Reconcile = (_, _) => stuck.Task;

        silo.Factory.Signal<IScriptedReconciler>("stuck");
        await Eventually.TrueAsync(() => silo.Probe.ReconcileTurns == 1, "the stuck turn started");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, await silo.Factory.GetGrain<ICounterGrain>($"other-{i}").Increment());
        }

        stuck.SetResult(ReconcileResult.Done);
    }

    [Fact]
    public async Task A_grain_that_fails_to_activate_is_never_called_and_its_reconcile_is_retried()
    {
        await using var silo = await TestSilo.StartAsync(time, services: s => s.AddGrain<IFlakyReconciler, FlakyReconciler>());
        var id = silo.Factory.GetGrainId<IFlakyReconciler>("x");
        silo.Probe.ActivationFailures = 1;

        silo.Factory.Signal<IFlakyReconciler>("x");
        await BackingOffAsync(silo, id, 1, time.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.Contains("GrainActivationException", silo.Activation(id)!.LastTurn!.Error, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => silo.Activation(id) is { LastTurn.Result: TurnResult.Succeeded }, "the retry activated the grain");
    }

    private static Task BackingOffAsync(TestSilo silo, GrainId id, int failures, DateTimeOffset nextRetry) =>
        Eventually.TrueAsync(
            () => silo.Activation(id) is { State: ActivationState.BackingOff } a && a.ConsecutiveFailures == failures && a.NextWake == nextRetry,
            $"{id} backs off after {failures} failures until {nextRetry:O}; now {silo.Activation(id)}");

    public interface IFlakyReconciler : IReconcilerGrain
    {
    }

    /// <summary>Throws from OnActivateAsync while the probe says so.</summary>
    public sealed class FlakyReconciler(Probe probe) : ReconcilerGrain, IFlakyReconciler
    {
        public override Task OnActivateAsync(CancellationToken cancellationToken) =>
            probe.ActivationFailures-- > 0 ? throw new InvalidOperationException("cloud credentials not ready") : Task.CompletedTask;

        protected override Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken) => Task.FromResult(ReconcileResult.Done);
    }
}
