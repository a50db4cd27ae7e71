namespace Ccm.Runtime;

/// <summary>
/// A level-triggered grain: it is woken by <see cref="IGrainFactory.Signal{T}"/> (and by its own retries and
/// requeues), reads the current desired and actual state, and converges them. The wake-up carries no payload on
/// purpose: like controller-runtime's <c>Request</c>, it names only the object, so a turn never trusts an event.
/// </summary>
public abstract class ReconcilerGrain : Grain, IReconcilerGrain
{
    /// <summary>
    /// Converges one object. Runs as a turn: never concurrently with another turn of this grain.
    /// </summary>
    /// <remarks>
    /// What happens next, in order of precedence:
    /// <list type="number">
    /// <item>Signals that arrived while this turn was queued or running are coalesced into one more turn, which runs
    /// right after this one whatever this one returned (it must see the newer state).</item>
    /// <item>If it throws a <see cref="TerminalException"/> (or an exception wrapping one), the failure is logged once
    /// and no retry is scheduled: the next signal runs a turn.</item>
    /// <item>If it throws anything else, the failure is logged once with the grain's identity and the turn is retried
    /// after a capped exponential backoff with jitter (1 s doubling to 5 min by default); the result is ignored.
    /// An <see cref="OperationCanceledException"/> caused by the shard moving or the silo stopping is not a failure.</item>
    /// <item>If it returns <see cref="ReconcileResult.RequeueAfter"/>, failures are forgotten and a turn runs after
    /// that delay.</item>
    /// <item>If it returns <see cref="ReconcileResult.Done"/>, failures are forgotten and nothing is scheduled.</item>
    /// </list>
    /// A turn's outcome replaces any retry or requeue scheduled by an earlier turn. A failing grain never delays
    /// another grain. <paramref name="cancellationToken"/> fires when the shard is lost, when the silo stops, or when
    /// the turn exceeds the runtime's reconcile timeout.
    /// </remarks>
    protected abstract Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken);

    internal Task<ReconcileResult> RunReconcileAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);
}
