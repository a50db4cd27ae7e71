using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>Signals, coalescing, and the retry/requeue schedule of a reconciler activation.</summary>
internal sealed partial class Activation
{
    private readonly ReconcileState? reconcile;

    /// <summary>
    /// Asks for a reconcile turn. If one is queued and has not started, the signal is absorbed by it (it will read
    /// the newest state anyway); if one is running, exactly one more is queued behind it.
    /// </summary>
    public PostResult TrySignal()
    {
        lock (gate)
        {
            if (Refusal() is { } refusal)
            {
                return refusal;
            }

            EnqueueReconcile();
            return PostResult.Accepted;
        }
    }

    /// <summary>The reconcile turn starts: later signals need another turn, and this turn's outcome replaces any schedule.</summary>
    public void BeginReconcileTurn()
    {
        lock (gate)
        {
            reconcile!.Queued = false;
            reconcile.CancelWake();
        }
    }

    /// <summary>Applies <see cref="ReconcilePolicy"/> to the finished turn, logs a failure once, and schedules the next timed turn.</summary>
    public TurnOutcome CompleteReconcileTurn(ReconcileResult? result, Exception? error, bool stoppedByRuntime)
    {
        ReconcileDecision decision;
        DateTimeOffset? wakeAt = null;
        lock (gate)
        {
            decision = ReconcilePolicy.Decide(result, error, stoppedByRuntime, reconcile!.Failures, Runtime.Options.Retry, Runtime.NextJitter());
            reconcile.Failures = decision.Failures;
            if (decision.WakeAfter is { } delay && !stopping)
            {
                wakeAt = ScheduleWake(delay, isRetry: decision.Result == TurnResult.Failed);
            }
        }

        switch (decision.Result)
        {
            case TurnResult.Failed:
                Runtime.Logger.LogError(
                    error, "Reconcile of {GrainId} failed ({Failures} in a row); retrying at {NextRetry:O}", Id, decision.Failures, wakeAt);
                break;
            case TurnResult.Terminal:
                Runtime.Logger.LogError(
                    error, "Reconcile of {GrainId} failed terminally ({Failures} in a row); no retry until the next signal", Id, decision.Failures);
                break;
            case TurnResult.Cancelled:
                Runtime.Logger.LogDebug("Reconcile of {GrainId} cancelled: its shard is moving or the silo is stopping", Id);
                break;
        }

        return new TurnOutcome(decision.Result, error);
    }

    /// <summary>Caller holds <see cref="gate"/>.</summary>
    private void EnqueueReconcile()
    {
        if (reconcile!.Queued)
        {
            return;
        }

        reconcile.Queued = true;
        Enqueue(new ReconcileWorkItem());
    }

    /// <summary>Caller holds <see cref="gate"/>.</summary>
    private DateTimeOffset ScheduleWake(TimeSpan delay, bool isRetry)
    {
        var holder = new WakeHolder();
        ITimer timer;
        using (ExecutionContext.SuppressFlow())
        {
            timer = Runtime.Time.CreateTimer(OnWake, holder, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        var at = Runtime.Time.GetUtcNow() + delay;
        holder.Wake = new ReconcileWake(timer, at, isRetry);
        reconcile!.Schedule(holder.Wake);
        timer.Change(delay, Timeout.InfiniteTimeSpan);
        return at;
    }

    private void OnWake(object? state)
    {
        lock (gate)
        {
            // A wake replaced or cancelled after it fired is stale.
            if (!ReferenceEquals(reconcile!.Wake, ((WakeHolder)state!).Wake))
            {
                return;
            }

            reconcile.CancelWake();
            if (Refusal() is null)
            {
                EnqueueReconcile();
            }
        }
    }

    /// <summary>Lets the timer callback find the wake it belongs to (the timer exists before the wake record).</summary>
    private sealed class WakeHolder
    {
        public ReconcileWake? Wake { get; set; }
    }
}
