using Ccm.GrainInterfaces;
using Ccm.Runtime;

namespace Ccm.Grains.Services;

/// <summary>
/// The Classic Load Balancer of one Service (key <c>namespace/name</c>). Signalled by the watcher when the Service,
/// its EndpointSlices or relevant Nodes change; a reminder re-checks it every <see cref="CcmOptions.ServiceResyncPeriod"/>
/// and corrects drift in listeners and attributes as well as backends (upstream only re-checks backends). Each turn is
/// <see cref="ServiceReconciler.ReconcileAsync"/>.
/// </summary>
public sealed class ServiceGrain(ServiceReconciler reconciler, CcmOptions options, TimeProvider time) : ReconcilerGrain, IServiceGrain, IRemindable
{
    public const string ResyncReminder = "service-resync";

    private readonly ServiceMemory memory = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RegisterOrUpdateReminder(ResyncReminder, options.ServiceResyncPeriod, options.ServiceResyncPeriod);
        memory.NextReminderAt = time.GetUtcNow() + options.ServiceResyncPeriod;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The tick itself only wakes the grain; the reconcile runs as an ordinary turn, with its backoff on failure.
        memory.NextTrigger = "reminder";
        memory.NextReminderAt = status.CurrentTickTime + status.Period;
        GrainFactory.Signal<IServiceGrain>(GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    protected override async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var turn = await reconciler.ReconcileAsync(GetPrimaryKeyString(), memory, cancellationToken);
        if (turn.Retire)
        {
            // Nothing to watch over any more; a later signal activates the grain afresh (and re-registers the reminder).
            await UnregisterReminder(ResyncReminder);
            DeactivateOnIdle();
        }

        return turn.Result;
    }
}
