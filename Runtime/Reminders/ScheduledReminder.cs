namespace Ccm.Runtime;

/// <summary>One armed reminder: its entry, its grain type, and the timer for its next tick.</summary>
internal sealed class ScheduledReminder : IDisposable
{
    private readonly ITimer timer;
    private readonly TimeProvider time;

    public ScheduledReminder(ReminderEntry entry, GrainType type, int shard, Action<ScheduledReminder> fire, TimeProvider time)
    {
        Entry = entry;
        Type = type;
        Shard = shard;
        this.time = time;
        NextDue = ReminderSchedule.FirstTickAtOrAfter(entry.FirstTickTime, entry.Period, time.GetUtcNow());
        using (ExecutionContext.SuppressFlow())
        {
            timer = time.CreateTimer(_ => fire(this), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        Arm();
    }

    public ReminderEntry Entry { get; }

    public GrainType Type { get; }

    public int Shard { get; }

    public DateTimeOffset NextDue { get; private set; }

    public bool IsDisposed { get; private set; }

    /// <summary>Takes the due tick and arms the next one (skipping ticks the process slept through).</summary>
    public TickStatus Advance()
    {
        var tick = new TickStatus(Entry.FirstTickTime, Entry.Period, NextDue);
        var now = time.GetUtcNow();
        NextDue = ReminderSchedule.FirstTickAfter(Entry.FirstTickTime, Entry.Period, now > NextDue ? now : NextDue);
        Arm();
        return tick;
    }

    public void Dispose()
    {
        IsDisposed = true;
        timer.Dispose();
    }

    private void Arm()
    {
        var delay = NextDue - time.GetUtcNow();
        timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
