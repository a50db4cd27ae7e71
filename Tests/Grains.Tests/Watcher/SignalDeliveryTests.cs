using Ccm.GrainInterfaces;
using Ccm.Grains.Watcher;
using Ccm.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Grains.Tests.Watcher;

/// <summary>
/// A signal whose grain sits on a silo that died and is not declared dead yet fails to arrive until Orleans learns of the
/// death. The chaos soak found Services never reconciled after their signals were dropped at the third failure; now a
/// signal is tried again for as long as this silo owns its key.
/// </summary>
public sealed class SignalDeliveryTests
{
    private readonly FakeTimeProvider time = new();
    private readonly List<GrainSignal> arrived = [];
    private int failuresLeft;
    private bool mine = true;
    private bool stopped;

    [Fact]
    public async Task A_signal_that_fails_until_a_dead_silo_is_declared_dead_arrives_however_many_attempts_that_takes()
    {
        failuresLeft = 20; // about a minute of a silo that is dead but still listed
        var delivery = Delivery();

        var delivering = delivery.DeliverAsync(GrainSignal.Service("default/web"));
        await AdvanceUntilAsync(() => delivering.IsCompleted);

        Assert.Equal([GrainSignal.Service("default/web")], arrived);
        Assert.Equal(0, delivery.Waiting);
    }

    [Fact]
    public async Task Signals_for_a_key_whose_delivery_waits_join_it_as_the_stronger_kind_and_arrive_once()
    {
        failuresLeft = 3;
        var delivery = Delivery();

        var first = delivery.DeliverAsync(GrainSignal.Service("default/web", SignalKind.Resync));
        await Eventually.TrueAsync(() => delivery.Waiting == 1, "the first delivery waits to try again");
        await delivery.DeliverAsync(GrainSignal.Service("default/web", SignalKind.Event));
        await delivery.DeliverAsync(GrainSignal.Service("default/web", SignalKind.Resync));
        await AdvanceUntilAsync(() => first.IsCompleted);

        Assert.Equal([GrainSignal.Service("default/web", SignalKind.Event)], arrived);
    }

    [Fact]
    public async Task A_signal_is_dropped_once_another_silo_owns_its_key_since_that_silo_signals_it()
    {
        failuresLeft = int.MaxValue;
        var delivery = Delivery();

        var delivering = delivery.DeliverAsync(GrainSignal.Service("default/web"));
        await Eventually.TrueAsync(() => delivery.Waiting == 1, "the delivery waits to try again");
        mine = false;
        await AdvanceUntilAsync(() => delivering.IsCompleted);

        Assert.Empty(arrived);
        Assert.Equal(0, delivery.Waiting);
    }

    [Fact]
    public async Task A_graceful_stop_ends_every_retry()
    {
        failuresLeft = int.MaxValue;
        var delivery = Delivery();

        var delivering = delivery.DeliverAsync(GrainSignal.Node("demo-node-1"));
        await Eventually.TrueAsync(() => delivery.Waiting == 1, "the delivery waits to try again");
        stopped = true;
        await AdvanceUntilAsync(() => delivering.IsCompleted);

        Assert.Empty(arrived);
    }

    private SignalDelivery Delivery() => new(Send, _ => mine, () => stopped, time, NullLogger.Instance);

    private Task Send(GrainSignal signal)
    {
        if (failuresLeft-- > 0)
        {
            throw new SiloUnavailableException("the silo hosting the grain is gone");
        }

        lock (arrived)
        {
            arrived.Add(signal);
        }

        return Task.CompletedTask;
    }

    private async Task AdvanceUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 1000 && !done(); i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(1);
        }

        Assert.True(done(), "not done after 500 simulated seconds");
    }
}
