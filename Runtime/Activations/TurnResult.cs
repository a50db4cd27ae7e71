namespace Ccm.Runtime;

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

    /// <summary>Stopped because its shard moved or the silo stopped; not a failure.</summary>
    Cancelled,
}

/// <summary>The result of one turn and, when it failed, why.</summary>
internal readonly record struct TurnOutcome(TurnResult Result, Exception? Error = null)
{
    public static TurnOutcome Succeeded { get; } = new(TurnResult.Succeeded);
}
