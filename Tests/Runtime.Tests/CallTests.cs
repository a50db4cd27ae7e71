using Ccm.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

public sealed class CallTests
{
    [Fact]
    public async Task A_reference_activates_its_grain_on_first_call_and_keeps_its_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ICounterGrain>("default/nginx");

        Assert.Equal(0, silo.Probe.Count("activate"));
        Assert.Equal(1, await grain.Increment());
        Assert.Equal(2, await silo.Factory.GetGrain<ICounterGrain>("default/nginx").Increment());
        Assert.Equal("default/nginx", await grain.Key());
        Assert.Equal(1, silo.Probe.Count("activate default/nginx"));
        Assert.Equal(new GrainId("ICounterGrain", "default/nginx"), ((GrainProxy)(object)grain).GrainId);
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_caller_unwrapped()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Factory.GetGrain<ICounterGrain>("a").Fail("bad annotation"));

        Assert.Equal("bad annotation", error.Message);
        Assert.Equal(1, await silo.Factory.GetGrain<ICounterGrain>("a").Increment());
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_at_once_instead_of_deadlocking()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Factory.GetGrain<ICounterGrain>("self").CallSelf());

        Assert.Equal(new GrainId("ICounterGrain", "self"), error.Target);
        Assert.Contains("would deadlock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_cycle_through_another_grain_fails_at_once()
    {
        await using var silo = await TestSilo.StartAsync();

        // ping(k) -> counter(k).CallOther("pong-k") -> counter("pong-k") is fine; a real cycle is counter(x) -> counter(x) via ping.
        Assert.Equal(1, await silo.Factory.GetGrain<IPingGrain>("k").Ping());
        var cycle = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Factory.GetGrain<ICounterGrain>("loop").CallOther("loop"));
        Assert.Equal(["ICounterGrain/loop", "ICounterGrain/loop"], cycle.CallChain.Select(g => g.ToString()));
    }

    [Fact]
    public async Task Grain_to_grain_calls_work_inside_turns()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Equal(1, await silo.Factory.GetGrain<ICounterGrain>("a").CallOther("b"));
        Assert.Equal(2, await silo.Factory.GetGrain<ICounterGrain>("b").Increment());
    }

    [Fact]
    public async Task A_call_that_does_not_complete_times_out_after_the_call_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var silo = await TestSilo.StartAsync(time);
        var release = new TaskCompletionSource();
        var grain = silo.Factory.GetGrain<ICounterGrain>("slow");

        var held = grain.Hold(release);
        await Eventually.TrueAsync(() => silo.Probe.Count("enter slow") == 1, "the turn started");
        var queued = grain.Increment();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(queued.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => held);
        Assert.Contains("ICounterGrain/slow.Hold", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => queued);
        release.SetResult();
        // The abandoned Increment never ran: the next one is the first.
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task Calls_and_signals_to_shards_this_silo_does_not_run_are_refused()
    {
        // Leader election on, but the silo never gets to own a shard: its store is down.
        var leases = new InMemoryLeaseStore { Unavailable = true };
        await using var silo = await TestSilo.StartAsync(configure: o => o.Leases.LeaderElect = true, leases: leases);

        var error = await Assert.ThrowsAsync<ShardNotOwnedException>(() => silo.Factory.GetGrain<ICounterGrain>("a").Increment());
        Assert.Equal(silo.Silo.Shards.ShardOf<ICounterGrain>("a"), error.Shard);
        Assert.False(silo.Factory.Signal<IScriptedReconciler>("web"));
        Assert.Equal(1, silo.Silo.GetStatistics().SignalsDropped);
        // Silo-local grains run regardless of shards.
        Assert.Equal("silo-a", await silo.Factory.GetGrain<ILocalGrain>("watcher").Where());
    }

    [Fact]
    public void Unregistered_interfaces_are_refused_with_the_registered_list()
    {
        var registry = new GrainTypeRegistry([new GrainRegistration(typeof(ICounterGrain), typeof(CounterGrain))]);

        var error = Assert.Throws<ArgumentException>(() => registry.Get(typeof(IPingGrain)));

        Assert.Contains("AddGrain<IPingGrain", error.Message, StringComparison.Ordinal);
        Assert.Contains("ICounterGrain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(IBadReturn), typeof(BadReturnGrain), "must return Task")]
    [InlineData(typeof(ICounterGrain), typeof(PingGrain), "implementing ICounterGrain")]
    [InlineData(typeof(IScriptedReconciler), typeof(NotAReconciler), "must derive from ReconcilerGrain")]
    public void Invalid_registrations_say_which_rule_they_break(Type grainInterface, Type implementation, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new GrainTypeRegistry([new GrainRegistration(grainInterface, implementation)]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grain_type_names_come_from_the_attribute_or_the_interface()
    {
        Assert.Equal("ping-pong", GrainType.NameOf(typeof(IPingGrain)));
        Assert.Equal("ICounterGrain", GrainType.NameOf(typeof(ICounterGrain)));
    }

    public interface IBadReturn : IGrainWithStringKey
    {
        int Count();
    }

    public sealed class BadReturnGrain : Grain, IBadReturn
    {
        public int Count() => 0;
    }

    public sealed class NotAReconciler : Grain, IScriptedReconciler
    {
    }
}
