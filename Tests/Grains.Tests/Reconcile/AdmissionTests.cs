using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Reconcile.Support;
using Ccm.TestSupport;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A grain type with an admission (Service grains) starts only so many turns at once; the others wait to start with the
/// grain idle, in the budget's order (a change before a resync), their signals coalescing, and Orleans does not collect
/// them while they wait. The admission here takes one turn at a time (<see cref="ProbeAdmission"/>).
/// </summary>
public sealed class AdmissionTests(ITestOutputHelper output)
{
    private const string Kind = AdmittedProbeGrain.KindName;

    [Fact]
    public async Task A_turn_beyond_the_admission_waits_to_start_and_starts_when_the_running_turn_ends()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var slots = Slots(cluster);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Probe.Turn = async (turn, _) =>
        {
            if (turn.Key == "default/first")
            {
                await release.Task;
            }

            return ReconcileResult.Done;
        };

        await cluster.Grains.GetGrain<IAdmittedProbeGrain>("default/first").Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Probe.TurnsOf("default/first").Count == 1, "the first turn runs");
        await cluster.Grains.GetGrain<IAdmittedProbeGrain>("default/second").Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => slots.Waiting(CloudCallPriority.Event) == 1, "the second turn waits to start");

        Assert.Empty(cluster.Probe.TurnsOf("default/second"));
        Assert.Equal("Queued", cluster.Find(Kind, "default/second")!.State);
        release.SetResult();
        await Eventually.TrueAsync(() => cluster.Idle(Kind, "default/first") && cluster.Idle(Kind, "default/second"), "both turns ran");

        Assert.Single(cluster.Probe.TurnsOf("default/second"));
        Assert.Equal((0, 0), (slots.Held, slots.Waiting(CloudCallPriority.Event)));
    }

    [Fact]
    public async Task A_hundred_signals_while_a_grain_waits_for_admission_start_exactly_one_turn()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var slots = Slots(cluster);
        var held = await slots.EnterAsync(CancellationToken.None); // another grain's turn holds the only slot
        var grain = cluster.Grains.GetGrain<IAdmittedProbeGrain>("default/nginx");

        for (var i = 0; i < 100; i++)
        {
            await grain.Signal(i % 2 == 0 ? SignalKind.Resync : SignalKind.Event);
        }

        await Eventually.TrueAsync(() => slots.Waiting(CloudCallPriority.Event) + slots.Waiting(CloudCallPriority.Resync) == 1, "the grain waits to start, once");
        Assert.Empty(cluster.Probe.Turns);
        held.Dispose();
        await Eventually.TrueAsync(() => cluster.Idle(Kind, "default/nginx") && cluster.Probe.Turns.Count == 1, "one turn ran");

        Assert.Equal(SignalKind.Event, Assert.Single(cluster.Probe.Turns).Kind);
    }

    [Fact]
    public async Task A_change_to_an_object_whose_resync_waits_for_admission_moves_it_ahead_of_the_other_resyncs()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var slots = Slots(cluster);
        var held = await slots.EnterAsync(CancellationToken.None);
        await cluster.Grains.GetGrain<IAdmittedProbeGrain>("default/resync").Signal(SignalKind.Resync);
        await Eventually.TrueAsync(() => slots.Waiting(CloudCallPriority.Resync) == 1, "the first re-check waits");
        var changed = cluster.Grains.GetGrain<IAdmittedProbeGrain>("default/changed");
        await changed.Signal(SignalKind.Resync);
        await Eventually.TrueAsync(() => slots.Waiting(CloudCallPriority.Resync) == 2, "the second re-check waits behind it");

        await changed.Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => slots.Waiting(CloudCallPriority.Event) == 1, "the changed object's turn moved to the changes' queue");
        held.Dispose();
        await Eventually.TrueAsync(() => cluster.Probe.Turns.Count == 2, "both turns ran");

        Assert.Equal([("default/changed", SignalKind.Event), ("default/resync", SignalKind.Resync)], cluster.Probe.Turns.Select(t => (t.Key, t.Kind)));
    }

    [Fact]
    public async Task Orleans_does_not_collect_a_grain_that_waits_for_admission()
    {
        await using var cluster = await ReconcileCluster.StartAsync(new ClusterSetup(), output);
        var slots = Slots(cluster);
        var held = await slots.EnterAsync(CancellationToken.None);
        await cluster.Grains.GetGrain<IProbeGrain>("default/idle").Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => cluster.Idle(ProbeGrain.KindName, "default/idle"), "an idle grain to compare with");
        await cluster.Grains.GetGrain<IAdmittedProbeGrain>("default/waiting").Signal(SignalKind.Event);
        await Eventually.TrueAsync(() => slots.Waiting(CloudCallPriority.Event) == 1, "the grain waits to start");

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Eventually.TrueAsync(() => cluster.Find(ProbeGrain.KindName, "default/idle") is null, "the idle grain was collected");

        Assert.NotNull(cluster.Find(Kind, "default/waiting"));
        held.Dispose();
        await Eventually.TrueAsync(() => cluster.Probe.TurnsOf("default/waiting").Count == 1, "its turn ran once admitted");
    }

    private static CloudCallSlots Slots(ReconcileCluster cluster) => cluster.Service<ProbeAdmission>(cluster.Silos[0]).Slots;
}
