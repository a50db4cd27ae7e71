namespace Ccm.Grains.Reconcile;

/// <summary>What a finished reconcile turn leads to.</summary>
/// <param name="Result">How the turn ended.</param>
/// <param name="Failures">Consecutive failures after this turn (0 after a success).</param>
/// <param name="WakeAfter">When to run the next timed turn; null for none.</param>
internal readonly record struct ReconcileDecision(TurnResult Result, int Failures, TimeSpan? WakeAfter);

/// <summary>
/// The precedence rule of <see cref="ReconcilerGrain.ReconcileAsync"/> as one pure function (controller-runtime's
/// <c>reconcileHandler</c> switch): an error wins over a result; a terminal error schedules nothing; any other error
/// backs off; a requeue schedules a turn; done schedules nothing. Coalesced signals are handled by the mailbox.
/// </summary>
internal static class ReconcilePolicy
{
    /// <param name="result">The returned result, when the turn did not throw.</param>
    /// <param name="error">The exception the turn threw, if any.</param>
    /// <param name="stoppedByRuntime">The turn's token fired because the shard moved or the silo stopped.</param>
    /// <param name="failures">Consecutive failures before this turn.</param>
    /// <param name="backoff">Retry backoff options.</param>
    /// <param name="random">A uniform draw from [0, 1) for the jitter.</param>
    public static ReconcileDecision Decide(
        ReconcileResult? result, Exception? error, bool stoppedByRuntime, int failures, RetryBackoffOptions backoff, double random)
    {
        if (error is not null)
        {
            if (stoppedByRuntime && error is OperationCanceledException)
            {
                return new(TurnResult.Cancelled, failures, null);
            }

            if (TerminalException.IsTerminal(error))
            {
                return new(TurnResult.Terminal, failures + 1, null);
            }

            return new(TurnResult.Failed, failures + 1, RetryBackoff.Delay(failures + 1, backoff, random));
        }

        return result?.RequeueDelay is { } delay
            ? new(TurnResult.Requeued, 0, delay)
            : new(TurnResult.Succeeded, 0, null);
    }
}
