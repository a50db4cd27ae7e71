using Ccm.TestSupport;

namespace Ccm.Runtime.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Concurrent_signals_and_calls_never_run_two_turns_of_one_grain_at_once()
    {
        await using var silo = await TestSilo.StartAsync();
        silo.Probe.Reconcile = async (_, ct) =>
        {
            await Task.Delay(1, ct);
            return ReconcileResult.Done;
        };

        await Parallel.ForAsync(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            Assert.True(silo.Factory.Signal<IScriptedReconciler>("web"));
            if (i % 4 == 0)
            {
                await Task.Yield();
            }
        });
        await Parallel.ForAsync(0, 200, async (_, _) => await silo.Factory.GetGrain<ICounterGrain>("c").Increment());

        await silo.QuiescentAsync(silo.Factory.GetGrainId<IScriptedReconciler>("web"));
        Assert.Equal(1, silo.Probe.MaxConcurrentTurns);
        Assert.Equal(201, await silo.Factory.GetGrain<ICounterGrain>("c").Increment());
        Assert.InRange(silo.Probe.ReconcileTurns, 1, 400);
    }

    [Fact]
    public async Task Hundred_signals_during_a_turn_coalesce_into_exactly_one_more_turn()
    {
        await using var silo = await TestSilo.StartAsync();
        var firstTurnRunning = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        silo.Probe.Reconcile = async (turn, _) =>
        {
            if (turn == 1)
            {
                firstTurnRunning.SetResult();
                await release.Task;
            }

            return ReconcileResult.Done;
        };

        silo.Factory.Signal<IScriptedReconciler>("web");
        await firstTurnRunning.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(silo.Factory.Signal<IScriptedReconciler>("web"));
        }

        Assert.True(silo.Activation(silo.Factory.GetGrainId<IScriptedReconciler>("web"))!.SignalPending);
        release.SetResult();
        await silo.QuiescentAsync(silo.Factory.GetGrainId<IScriptedReconciler>("web"));
        Assert.Equal(2, silo.Probe.ReconcileTurns);
    }

    [Fact]
    public async Task A_queued_turn_absorbs_later_signals()
    {
        await using var silo = await TestSilo.StartAsync();
        var release = new TaskCompletionSource();
        var holding = silo.Factory.GetGrain<ICounterGrain>("x");
        silo.Probe.Reconcile = (_, _) => Task.FromResult(ReconcileResult.Done);

        // Different grains do not wait for each other: a held counter grain does not delay the reconciler.
        var held = holding.Hold(release);
        await Eventually.TrueAsync(() => silo.Probe.Count("enter x") == 1, "the counter turn started");
        for (var i = 0; i < 50; i++)
        {
            silo.Factory.Signal<IScriptedReconciler>("web");
        }

        await silo.QuiescentAsync(silo.Factory.GetGrainId<IScriptedReconciler>("web"));
        Assert.InRange(silo.Probe.ReconcileTurns, 1, 2);
        Assert.False(held.IsCompleted);
        release.SetResult();
        await held;
    }

    [Fact]
    public async Task Calls_are_non_reentrant_turns_in_arrival_order()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ICounterGrain>("a");
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();

        var one = grain.Hold(first);
        await Eventually.TrueAsync(() => silo.Probe.Count("enter a") == 1, "the first turn started");
        var two = grain.Hold(second);
        second.SetResult();
        await Task.Delay(100);
        Assert.Equal(1, silo.Probe.Count("enter a"));

        first.SetResult();
        await Task.WhenAll(one, two);
        Assert.Equal(["activate a", "enter a", "exit a", "enter a", "exit a"], silo.Probe.Events);
        Assert.Equal(1, silo.Probe.MaxConcurrentTurns);
    }
}
