using Ccm.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

public sealed class IdleTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private Task<TestSilo> StartAsync() => TestSilo.StartAsync(time, o =>
    {
        o.IdleTimeout = TimeSpan.FromMinutes(10);
        o.CollectionQuantum = TimeSpan.FromMinutes(1);
    });

    [Fact]
    public async Task An_idle_grain_is_deactivated_after_the_idle_timeout_and_reactivated_on_the_next_call()
    {
        await using var silo = await StartAsync();
        var grain = silo.Factory.GetGrain<ICounterGrain>("a");
        Assert.Equal(1, await grain.Increment());

        await AdvanceMinutesAsync(9);
        Assert.Equal(0, silo.Probe.Count("deactivate a"));
        await AdvanceMinutesAsync(1);

        await Eventually.TrueAsync(() => silo.Probe.Count("deactivate a ActivationIdle") == 1, "deactivated as idle");
        await Eventually.TrueAsync(() => silo.Activation(new GrainId("ICounterGrain", "a")) is null, "the entry left the catalog");
        Assert.Equal(1, await grain.Increment());
        Assert.Equal(2, silo.Probe.Count("activate a"));
    }

    [Fact]
    public async Task A_turn_resets_the_idle_clock()
    {
        await using var silo = await StartAsync();
        var grain = silo.Factory.GetGrain<ICounterGrain>("a");
        await grain.Increment();
        await AdvanceMinutesAsync(8);
        await grain.Increment();
        await AdvanceMinutesAsync(8);

        Assert.Equal(0, silo.Probe.Count("deactivate a"));
    }

    [Fact]
    public async Task A_grain_with_a_timer_is_not_collected()
    {
        await using var silo = await StartAsync();
        await silo.Factory.GetGrain<ICounterGrain>("t").StartTimer(TimeSpan.FromHours(5), TimeSpan.FromHours(5));

        await AdvanceMinutesAsync(30);

        Assert.Equal(0, silo.Probe.Count("deactivate t"));
    }

    [Fact]
    public async Task A_grain_waiting_for_a_retry_is_not_collected()
    {
        await using var silo = await TestSilo.StartAsync(time, o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(1);
            o.CollectionQuantum = TimeSpan.FromSeconds(30);
            o.Retry.BaseDelay = TimeSpan.FromMinutes(5);
        });
        silo.Probe.Reconcile = (turn, _) => turn == 1 ? throw new HttpRequestException("down") : Task.FromResult(ReconcileResult.Done);
        var id = silo.Factory.GetGrainId<IScriptedReconciler>("web");
        silo.Factory.Signal<IScriptedReconciler>("web");
        await Eventually.TrueAsync(() => silo.Activation(id) is { State: ActivationState.BackingOff }, "backing off");

        await AdvanceMinutesAsync(4);
        Assert.NotNull(silo.Activation(id));
        Assert.True(silo.Activation(id)!.IsActive);
        await AdvanceMinutesAsync(1);

        await Eventually.TrueAsync(() => silo.Probe.ReconcileTurns == 2, "the retry ran on the same activation");
    }

    private async Task AdvanceMinutesAsync(int minutes)
    {
        for (var i = 0; i < minutes; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
    }
}
