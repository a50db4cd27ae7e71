using Orleans.Concurrency;

namespace Ccm.GrainInterfaces;

/// <summary>
/// A level-triggered grain: <see cref="Signal"/> asks it to converge its object soon. The signal carries no payload on
/// purpose (like controller-runtime's <c>Request</c>, it names only the object), so a turn reads the current state
/// instead of trusting an event.
/// </summary>
[Alias("Ccm.IReconcilerGrain")]
public interface IReconcilerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Schedules a reconcile turn and returns at once, even while a turn runs (it interleaves: it only marks the grain
    /// dirty). Any number of signals during a turn add exactly one more turn, which reads the newest cache.
    /// </summary>
    /// <param name="kind">Why: a change (its cloud calls go first) or a periodic resync.</param>
    [AlwaysInterleave]
    [Alias("Signal")]
    Task Signal(SignalKind kind);
}

/// <summary>What woke a grain; it decides the priority of the turn's cloud calls.</summary>
[GenerateSerializer]
[Alias("Ccm.SignalKind")]
public enum SignalKind
{
    /// <summary>A periodic or restart resync: its cloud calls wait behind every change's.</summary>
    Resync = 0,

    /// <summary>A change of the object (or of what it depends on): its cloud calls go first.</summary>
    Event = 1,
}
