using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// A grain timer (Orleans' <c>RegisterGrainTimer</c>): each firing queues one tick as a turn; the next firing is
/// armed only after that turn completes, so the callback never overlaps itself and the period is counted from its
/// end. It fires no more once disposed or once its activation ends.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly Lock gate = new();
    private readonly Activation owner;
    private readonly Func<CancellationToken, Task> callback;
    private readonly ILogger logger;
    private readonly ITimer timer;
    private readonly CancellationTokenSource disposed = new();
    private TimeSpan period = Timeout.InfiniteTimeSpan;
    private bool tickPending;

    public GrainTimer(Activation owner, Func<CancellationToken, Task> callback, TimeProvider time, ILogger logger)
    {
        this.owner = owner;
        this.callback = callback;
        this.logger = logger;
        using (ExecutionContext.SuppressFlow())
        {
            timer = time.CreateTimer(_ => OnFired(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed.IsCancellationRequested, this);
            this.period = period;
            timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed.IsCancellationRequested)
            {
                return;
            }

            disposed.Cancel();
            timer.Dispose();
        }

        owner.RemoveTimer(this);
    }

    /// <summary>Runs the callback inside the activation's turn; logs and continues on failure (Orleans).</summary>
    public async Task<TurnOutcome> RunTickAsync()
    {
        try
        {
            await callback(disposed.Token);
            return TurnOutcome.Succeeded;
        }
        catch (Exception ex)
        {
            if (!disposed.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Timer callback of grain {GrainId} failed; the timer goes on", owner.Id);
            }

            return new TurnOutcome(disposed.IsCancellationRequested ? TurnResult.Cancelled : TurnResult.Failed, ex);
        }
        finally
        {
            lock (gate)
            {
                tickPending = false;
                if (!disposed.IsCancellationRequested && period != Timeout.InfiniteTimeSpan)
                {
                    timer.Change(period, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private void OnFired()
    {
        lock (gate)
        {
            if (disposed.IsCancellationRequested || tickPending)
            {
                return;
            }

            tickPending = true;
        }

        if (!owner.PostTimerTick(new TimerTickWorkItem(this)))
        {
            lock (gate)
            {
                tickPending = false;
            }
        }
    }
}
