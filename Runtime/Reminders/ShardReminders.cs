namespace Ccm.Runtime;

/// <summary>
/// The reminders of one shard this silo owns, each with its timer; guarded by the <see cref="ReminderService"/>
/// lock. While the shard's table is still loading, local registrations and removals are remembered and win over
/// what the load returns (they are newer).
/// </summary>
internal sealed class ShardReminders(int shard, Action<ScheduledReminder> fire, TimeProvider time) : IDisposable
{
    private readonly Dictionary<(GrainId, string), ScheduledReminder> scheduled = [];
    private readonly Dictionary<(GrainId, string), (ReminderEntry? Entry, GrainType? Type)> changesWhileLoading = [];
    private bool loaded;

    public int Shard { get; } = shard;

    public CancellationTokenSource Loading { get; } = new();

    public IEnumerable<ScheduledReminder> Scheduled => scheduled.Values;

    /// <summary>Records a registration (<paramref name="entry"/> set) or a removal (null).</summary>
    public void Apply(GrainId grainId, string name, ReminderEntry? entry, GrainType? type)
    {
        if (loaded)
        {
            Set((grainId, name), entry, type);
        }
        else
        {
            changesWhileLoading[(grainId, name)] = (entry, type);
        }
    }

    /// <summary>The table's reminders arrived: schedule them, then replay what changed meanwhile.</summary>
    public void CompleteLoad(IEnumerable<(ReminderEntry Entry, GrainType Type)> stored)
    {
        foreach (var (entry, type) in stored)
        {
            if (!changesWhileLoading.ContainsKey((entry.GrainId, entry.ReminderName)))
            {
                Set((entry.GrainId, entry.ReminderName), entry, type);
            }
        }

        foreach (var (key, change) in changesWhileLoading)
        {
            Set(key, change.Entry, change.Type);
        }

        changesWhileLoading.Clear();
        loaded = true;
    }

    public void Dispose()
    {
        Loading.Cancel();
        foreach (var reminder in scheduled.Values)
        {
            reminder.Dispose();
        }

        scheduled.Clear();
    }

    private void Set((GrainId, string) key, ReminderEntry? entry, GrainType? type)
    {
        if (scheduled.Remove(key, out var old))
        {
            old.Dispose();
        }

        if (entry is not null && type is not null)
        {
            scheduled[key] = new ScheduledReminder(entry, type, Shard, fire, time);
        }
    }
}

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
