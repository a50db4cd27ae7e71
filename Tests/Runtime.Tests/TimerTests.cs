using Ccm.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

public sealed class TimerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_timer_fires_after_its_due_time_then_every_period()
    {
        await using var silo = await TestSilo.StartAsync(time);
        await silo.Factory.GetGrain<ICounterGrain>("t").StartTimer(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.Equal(0, silo.Probe.Count("timer t"));
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => silo.Probe.Count("timer t") == 1, "first tick at the due time");
        await silo.QuiescentAsync(silo.Factory.GetGrainId<ICounterGrain>("t"));
        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => silo.Probe.Count("timer t") == 2, "second tick one period later");
    }

    [Fact]
    public async Task A_timer_never_overlaps_itself_and_counts_its_period_after_the_callback()
    {
        await using var silo = await TestSilo.StartAsync(time, services: s => s.AddGrain<ISlowTimerGrain, SlowTimerGrain>());
        var probe = silo.Probe;
        var release = probe.Gate;
        var grain = silo.Factory.GetGrain<ISlowTimerGrain>("slow");
        await grain.Start();

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => probe.Count("tick start") == 1, "the first tick started");
        // Ten periods pass while the callback is stuck: no second tick starts, none piles up.
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.Delay(100);
        Assert.Equal(1, probe.Count("tick start"));
        release.SetResult();
        await Eventually.TrueAsync(() => probe.Count("tick end") == 1, "the first tick ended");
        await silo.QuiescentAsync(silo.Factory.GetGrainId<ISlowTimerGrain>("slow"));

        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.Equal(1, probe.Count("tick start"));
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => probe.Count("tick start") == 2, "the next tick comes one period after the callback ended");
        Assert.Equal(1, probe.MaxConcurrentTurns);
    }

    [Fact]
    public async Task A_timer_dies_with_its_activation()
    {
        await using var silo = await TestSilo.StartAsync(time);
        var grain = silo.Factory.GetGrain<ICounterGrain>("t");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await grain.Leave();
        await Eventually.TrueAsync(() => silo.Probe.Count("deactivate t ApplicationRequested") == 1, "deactivated on request");

        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.Equal(0, silo.Probe.Count("timer t"));
        Assert.Equal(1, silo.Probe.Count("activate t"));
    }

    public interface ISlowTimerGrain : IGrainWithStringKey
    {
        Task Start();
    }

    public sealed class SlowTimerGrain(Probe probe) : Grain, ISlowTimerGrain
    {
        public Task Start()
        {
            var gate = probe.Gate;
            RegisterGrainTimer(
                async _ =>
                {
                    using var turn = probe.Enter(GrainId.ToString());
                    probe.Events.Enqueue("tick start");
                    await gate.Task;
                    probe.Events.Enqueue("tick end");
                },
                TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        }
    }
}
