using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.TestSupport;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// The periodic resync, which the grain's one timer wakes for between the turns signals, retries and requeues ask for:
/// it keeps its period whatever runs between, and resyncs missed during a long turn coalesce into one.
/// </summary>
public sealed class ResyncTests(ITestOutputHelper output)
{
    private const string Key = "default/nginx";
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task Resyncs_come_every_period_and_keep_coming_after_a_change_and_a_retry()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        cluster.Probe.ResyncPeriod = Period;
        var failedOnce = 0;
        cluster.Probe.Turn = (turn, _) => turn.Kind == SignalKind.Event && Interlocked.Exchange(ref failedOnce, 1) == 0
            ? throw new InvalidOperationException("the first change's turn fails once")
            : Task.FromResult(ReconcileResult.Done);
        var grain = cluster.Grains.GetGrain<IResyncProbeGrain>(Key);

        await grain.Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => Resyncs(cluster) >= 3, "three resyncs after the first turn", TimeSpan.FromSeconds(20));
        await grain.Signal(SignalKind.Event);
        var before = Resyncs(cluster);
        await Eventually.TrueAsync(() => Resyncs(cluster) >= before + 3, "three more resyncs after a second change", TimeSpan.FromSeconds(20));

        // The failed turn's retry ran, as an Event turn or as a resync that fell due first; either clears the failure.
        var turns = cluster.Probe.TurnsOf(Key);
        Assert.Equal(1, turns.Count(t => t.FailuresBefore == 1));
        Assert.True(turns.Count(t => t.Kind == SignalKind.Event) >= 2, "both changes had their turn");
    }

    [Fact]
    public async Task Resyncs_that_fall_due_during_a_long_turn_give_one_turn_right_after_it()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        cluster.Probe.ResyncPeriod = Period;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Probe.Turn = async (turn, _) =>
        {
            if (turn.Number == 1)
            {
                await release.Task;
            }

            return ReconcileResult.Done;
        };
        var grain = cluster.Grains.GetGrain<IResyncProbeGrain>(Key);

        await grain.Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Probe.TurnsOf(Key).Count == 1, "the first turn started");
        await Task.Delay(Period * 4); // four periods pass while it runs
        release.SetResult();
        await Eventually.TrueAsync(() => cluster.Probe.TurnsOf(Key).Count >= 2, "a resync follows the long turn", TimeSpan.FromSeconds(10));
        await Task.Delay(Period);

        // The four missed resyncs give one turn at once; within a period after it, at most the next one on schedule.
        var turns = cluster.Probe.TurnsOf(Key);
        Assert.Equal(SignalKind.Resync, turns[1].Kind);
        Assert.InRange(turns.Count, 2, 3);
    }

    private static int Resyncs(ReconcileCluster cluster) => cluster.Probe.TurnsOf(Key).Count(t => t.Kind == SignalKind.Resync);
}
