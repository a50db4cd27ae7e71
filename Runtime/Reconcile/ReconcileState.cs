namespace Ccm.Runtime;

/// <summary>
/// The reconcile schedule of one activation, guarded by the activation's lock. <see cref="Queued"/> is
/// client-go's workqueue "dirty" mark: set by the first signal, cleared when the turn starts, so any number of
/// signals during a turn add exactly one more turn. <see cref="Wake"/> is the one timed turn (retry or requeue).
/// </summary>
internal sealed class ReconcileState
{
    /// <summary>A reconcile item is in the mailbox and has not started.</summary>
    public bool Queued { get; set; }

    /// <summary>Consecutive failed turns (reset by a success).</summary>
    public int Failures { get; set; }

    /// <summary>The scheduled retry or requeue, if any.</summary>
    public ReconcileWake? Wake { get; private set; }

    public bool HasPendingWork => Queued || Wake is not null;

    public void Schedule(ReconcileWake wake)
    {
        CancelWake();
        Wake = wake;
    }

    public void CancelWake()
    {
        Wake?.Timer.Dispose();
        Wake = null;
    }

    /// <summary>Forgets everything pending (the activation is stopping).</summary>
    public void Clear()
    {
        CancelWake();
        Queued = false;
    }
}

/// <summary>A timed reconcile turn: a retry after a failure, or a requeue asked for by the grain.</summary>
internal sealed record ReconcileWake(ITimer Timer, DateTimeOffset At, bool IsRetry);
