namespace Ccm.Grains.Reconcile;

/// <summary>How a turn ended.</summary>
public enum TurnResult
{
    /// <summary>Completed (a reconcile returned <see cref="ReconcileResult.Done"/>).</summary>
    Succeeded,

    /// <summary>A reconcile returned <see cref="ReconcileResult.RequeueAfter"/>.</summary>
    Requeued,

    /// <summary>Threw; a reconcile is retried with backoff.</summary>
    Failed,

    /// <summary>A reconcile threw a <see cref="TerminalException"/>: no retry until the next signal.</summary>
    Terminal,

    /// <summary>Stopped because the grain deactivated (the silo stopped, or the grain moved); not a failure.</summary>
    Cancelled,
}

