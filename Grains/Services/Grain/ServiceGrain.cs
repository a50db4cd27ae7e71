using Ccm.CloudClients.Transport.Budget;
using Ccm.GrainInterfaces;
using Ccm.Grains.Observability;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;

namespace Ccm.Grains.Services;

/// <summary>
/// The Classic Load Balancer of one Service (key <c>namespace/name</c>). Signalled by the watcher when the Service,
/// its EndpointSlices or relevant Nodes change; a timer re-checks it every <see cref="CcmOptions.ServiceResyncPeriod"/>
/// and corrects drift in listeners and attributes as well as backends (upstream only re-checks backends). Each turn is
/// <see cref="ServiceReconciler.ReconcileAsync"/>.
/// </summary>
[GrainType("ccm-service")]
[OwnerPlacement]
public sealed class ServiceGrain(
    ServiceReconciler reconciler, ServiceStatePublisher published, SlbOperationRecorder slb, ServiceTurnSlots turns, CcmOptions options, ReconcileServices services)
    : ReconcilerGrain(services), IServiceGrain
{
    private readonly ServiceMemory memory = new();

    protected override string Kind => "service";

    protected override TimeSpan? ResyncPeriod => options.ServiceResyncPeriod;

    // Thousands of turns queue behind the SLB budget after a start or a mass apply; most wait to start, idle.
    protected override CloudCallSlots? Admission => turns.Started;

    // A Service's change is usually followed within milliseconds by its EndpointSlice's (the controller derives it):
    // half a second reads both in one turn, one set of cloud reads instead of two.
    protected override TimeSpan SignalDelay => TimeSpan.FromMilliseconds(500);

    protected override async Task<ReconcileResult> ReconcileAsync(ReconcileTurn reconcile, CancellationToken cancellationToken)
    {
        memory.NextTrigger = reconcile.Trigger;
        memory.NextReminderAt = NextResyncAt;
        var result = await slb.RecordAsync(this.GetPrimaryKeyString(), () => reconciler.ReconcileAsync(this.GetPrimaryKeyString(), memory, cancellationToken));
        if (result.Retire)
        {
            Retire(); // nothing to watch over any more; a later signal activates the grain afresh
        }

        return result.Result;
    }

    protected override void Withdraw() => published.Remove(this.GetPrimaryKeyString());
}
