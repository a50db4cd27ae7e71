using System.Collections.Concurrent;
using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>Signals coalesce: however many arrive during a turn, one more turn follows, and it reads the newest state.</summary>
public sealed class CoalescingTests(ITestOutputHelper output)
{
    private const string Key = "default/nginx";

    [Fact]
    public async Task A_hundred_signals_during_a_turn_add_exactly_one_turn_which_sees_the_newest_state()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var state = 0;
        var seen = new ConcurrentQueue<int>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Probe.Turn = async (turn, _) =>
        {
            seen.Enqueue(Volatile.Read(ref state));
            if (turn.Number == 1)
            {
                await release.Task;
            }

            return ReconcileResult.Done;
        };
        var grain = cluster.Grains.GetGrain<IProbeGrain>(Key);

        await grain.Signal(SignalKind.Event);
        // The turn has read the state (not only begun): a write before that read would be seen by the first turn.
        await Eventually.TrueAsync(() => !seen.IsEmpty, "the first turn started and read the state");
        for (var version = 1; version <= 100; version++)
        {
            Volatile.Write(ref state, version);
            // Returns while the turn runs: a signal interleaves and only marks the grain dirty.
            await grain.Signal(SignalKind.Event);
        }

        Assert.Single(cluster.Probe.TurnsOf(Key));
        release.SetResult();
        await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, Key) && cluster.Probe.TurnsOf(Key).Count == 2, "the grain ran its extra turn and is idle");

        Assert.Equal([0, 100], seen.ToArray());
        var activation = cluster.Find(ProbeGrain.KindName, Key)!;
        Assert.Equal(2, activation.Turns);
        Assert.Null(activation.NextWake);
        Assert.Equal(101, cluster.Activity(cluster.Silos[0]).SignalTotal);
    }

    [Fact]
    public async Task Signals_to_an_idle_grain_each_run_a_turn()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var grain = cluster.Grains.GetGrain<IProbeGrain>(Key);

        for (var turns = 1; turns <= 3; turns++)
        {
            await grain.Signal(SignalKind.Event);
            var expected = turns;
            await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, Key) && cluster.Probe.TurnsOf(Key).Count == expected, $"turn {expected} ran");
        }

        Assert.Equal([1, 2, 3], cluster.Probe.TurnsOf(Key).Select(t => t.Number));
    }
}
