namespace Ccm.Grains.Reconcile;

/// <summary>What a successful reconcile turn asks for next (see <see cref="ReconcilerGrain.ReconcileAsync"/>).</summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueDelay) => RequeueDelay = requeueDelay;

    /// <summary>Converged: no further turn until the next signal.</summary>
    public static ReconcileResult Done { get; } = new(null);

    /// <summary>When a further turn is wanted; null when <see cref="Done"/>.</summary>
    public TimeSpan? RequeueDelay { get; }

    /// <summary>
    /// Not converged yet, and nothing failed (e.g. waiting for an asynchronous cloud operation): run another turn
    /// after <paramref name="delay"/>. Failure backoff is reset.
    /// </summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new(delay);
    }

    public override string ToString() => RequeueDelay is { } d ? $"requeue after {d}" : "done";
}
