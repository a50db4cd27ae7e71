using Ccm.CloudClients.Transport.Budget;

namespace Ccm.Grains.Reconcile;

/// <summary>
/// A turn's work budget: its token fires once the turn has worked longer than the timeout, where waiting for a cloud
/// rate-limit permit (<see cref="CloudCallScope.PermitWait"/>) is not work, and never while a permit wait is under way.
/// It also fires when <c>stopping</c> does (the grain deactivates). A turn queued behind a busy cloud budget is
/// therefore never cancelled for it, and the work it queued for is not thrown away and redone.
/// </summary>
public sealed class TurnDeadline : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly TimeSpan timeout;
    private readonly TimeProvider time;
    private readonly CloudCallScope scope;
    private readonly CancellationTokenSource source;
    private readonly long started;
    private readonly ITimer check;

    public TurnDeadline(TimeSpan timeout, TimeProvider time, CloudCallScope scope, CancellationToken stopping)
    {
        this.timeout = timeout;
        this.time = time;
        this.scope = scope;
        source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        started = time.GetTimestamp();
        using (ExecutionContext.SuppressFlow())
        {
            check = time.CreateTimer(_ => Check(), null, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public CancellationToken Token => source.Token;

    /// <summary>Time the turn has worked so far: elapsed, less the time its cloud calls waited for permits.</summary>
    public TimeSpan Worked => time.GetElapsedTime(started) - scope.PermitWait;

    public void Dispose()
    {
        check.Dispose();
        source.Dispose();
    }

    private void Check()
    {
        var left = timeout - Worked;
        if (left <= TimeSpan.Zero && !scope.IsWaitingForPermit)
        {
            source.Cancel();
        }
        else
        {
            check.Change(left > Recheck ? left : Recheck, Timeout.InfiniteTimeSpan);
        }
    }
}
