namespace Ccm.Grains.Reconcile;

/// <summary>
/// A turn's work budget: its token fires once the turn has run longer than the timeout, not counting the time it spent
/// waiting for something that is not work (a cloud rate-limit permit), which the turn reports through
/// <see cref="Exclude"/>. It also fires when <c>stopping</c> does (the grain deactivates). A turn that waits minutes in
/// a busy cloud budget is therefore never cancelled for it, and the work it queued for is not thrown away.
/// </summary>
public sealed class TurnDeadline : IDisposable
{
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource source;
    private readonly long started;
    private readonly ITimer check;
    private long excludedTicks;

    public TurnDeadline(TimeSpan timeout, TimeProvider time, CancellationToken stopping)
    {
        this.timeout = timeout;
        this.time = time;
        source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        started = time.GetTimestamp();
        using (ExecutionContext.SuppressFlow())
        {
            check = time.CreateTimer(_ => Check(), null, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public CancellationToken Token => source.Token;

    /// <summary>Time the turn has worked so far (elapsed minus excluded waits).</summary>
    public TimeSpan Worked => time.GetElapsedTime(started) - TimeSpan.FromTicks(Interlocked.Read(ref excludedTicks));

    /// <summary>Tells the deadline that <paramref name="waited"/> was spent not working; the deadline moves out by as much.</summary>
    public void Exclude(TimeSpan waited)
    {
        if (waited > TimeSpan.Zero)
        {
            Interlocked.Add(ref excludedTicks, waited.Ticks);
        }
    }

    public void Dispose()
    {
        check.Dispose();
        source.Dispose();
    }

    private void Check()
    {
        var left = timeout - Worked;
        if (left <= TimeSpan.Zero)
        {
            source.Cancel();
        }
        else
        {
            check.Change(left, Timeout.InfiniteTimeSpan);
        }
    }
}
