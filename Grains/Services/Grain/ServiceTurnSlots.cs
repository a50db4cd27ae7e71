using Ccm.CloudClients.Transport.Budget;

namespace Ccm.Grains.Services;

/// <summary>
/// The silo's caps on Service turns. <see cref="Started"/> counts turns begun (<see cref="CcmOptions.ServiceTurnsStarted"/>):
/// beyond it a Service grain waits to start its turn, idle (<see cref="Reconcile.ReconcilerGrain"/>'s admission), rather
/// than as a running turn holding its desired state and async chain while its first read waits for a permit.
/// <see cref="Slots"/> is the cap on Service turns past their reads, holding their desired members (<see cref="CcmOptions.ServiceTurnsWithMembers"/>).
/// Thousands of Service turns queue for SLB permits at once after a start or a mass apply; without a cap each would
/// build and hold a member per node and port before its writes (10 million members at 5,000 Services on 2,000 nodes).
/// The wait is a cloud wait (<see cref="CloudCallSlots"/>): a change's turn goes before a resync's, and the turn's
/// deadline does not count it.
/// </summary>
public sealed class ServiceTurnSlots(CcmOptions options, TimeProvider time)
{
    /// <summary>
    /// An eighth of it is kept for changes: resyncs started together (a restart's re-checks) finish together, since the
    /// budget serves their calls round-robin, so a change must not wait for one of their slots.
    /// </summary>
    public CloudCallSlots Started { get; } = new(options.ServiceTurnsStarted, time, reserve: options.ServiceTurnsStarted / 8);

    public CloudCallSlots Slots { get; } = new(options.ServiceTurnsWithMembers, time);

    public ValueTask<CloudCallSlot> EnterAsync(CancellationToken cancellationToken) => Slots.EnterAsync(cancellationToken);
}
