using Ccm.GrainInterfaces;

namespace Ccm.Grains.Reconcile;

/// <summary>One reconcile turn: why it runs, and its deadline (to exclude waits that are not work).</summary>
/// <param name="Kind">A change (<see cref="SignalKind.Event"/>) or a resync: the priority of the turn's cloud calls.</param>
/// <param name="Deadline">The turn's work budget (permit waits excluded).</param>
public sealed record ReconcileTurn(SignalKind Kind, TurnDeadline Deadline)
{
    /// <summary>The trigger's name as the dashboard shows it.</summary>
    public string Trigger => Kind == SignalKind.Event ? "signal" : "resync";
}
