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
