using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// Runs the durable reminders of the shards this silo owns (Orleans' <c>LocalReminderService</c>, with shards in
/// place of ring ranges): loads a shard's reminders from the <see cref="IReminderTable"/> when the shard is
/// acquired, arms a timer per reminder, delivers each tick as a turn, and forgets them when the shard goes.
/// </summary>
internal sealed class ReminderService(SiloRuntime runtime, IReminderTable table)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, ShardReminders> shards = [];

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainType type, GrainId grainId, int shard, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfLocal(grainId, shard);
        var minimum = runtime.Options.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"reminder period must be at least {minimum} (use a grain timer for shorter periods)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = name, FirstTickTime = runtime.Time.GetUtcNow() + dueTime, Period = period };
        // Stored before it is armed: a reminder the caller saw succeed survives a crash right after.
        await table.UpsertAsync(shard, entry, CancellationToken.None);
        Apply(shard, grainId, name, entry, type);
        return entry;
    }

    public async Task UnregisterAsync(GrainId grainId, int shard, string name)
    {
        ThrowIfLocal(grainId, shard);
        await table.RemoveAsync(shard, grainId, name, CancellationToken.None);
        Apply(shard, grainId, name, null, null);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetAsync(GrainId grainId, int shard)
    {
        ThrowIfLocal(grainId, shard);
        return [.. (await table.ReadShardAsync(shard, CancellationToken.None)).Where(e => e.GrainId == grainId)];
    }

    /// <summary>The shard was acquired: load and arm its reminders (retrying until loaded or the shard goes).</summary>
    public void Load(int shard)
    {
        ShardReminders reminders;
        lock (gate)
        {
            if (shards.ContainsKey(shard))
            {
                return;
            }

            reminders = new ShardReminders(shard, Fire, runtime.Time);
            shards[shard] = reminders;
        }

        _ = LoadAsync(reminders);
    }

    /// <summary>The shard is leaving this silo: stop its reminders here (the next owner loads them).</summary>
    public void Unload(int shard)
    {
        lock (gate)
        {
            if (shards.Remove(shard, out var reminders))
            {
                reminders.Dispose();
            }
        }
    }

    public IReadOnlyList<ReminderStatistics> Snapshot()
    {
        lock (gate)
        {
            return [.. shards.Values.SelectMany(s => s.Scheduled).Select(r => new ReminderStatistics(
                r.Entry.GrainId, r.Entry.ReminderName, r.Shard, r.Entry.Period, r.Entry.FirstTickTime, r.NextDue))];
        }
    }

    private async Task LoadAsync(ShardReminders reminders)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await table.ReadShardAsync(reminders.Shard, reminders.Loading.Token);
                lock (gate)
                {
                    if (!reminders.Loading.IsCancellationRequested)
                    {
                        reminders.CompleteLoad(Resolve(stored));
                    }
                }

                return;
            }
            catch (OperationCanceledException) when (reminders.Loading.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = RetryBackoff.Delay(attempt, runtime.Options.Retry, runtime.NextJitter());
                runtime.Logger.LogWarning(ex, "Loading reminders of shard {Shard} failed (attempt {Attempt}); retrying in {Delay}", reminders.Shard, attempt, delay);
                try
                {
                    await Task.Delay(delay, runtime.Time, reminders.Loading.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private IEnumerable<(ReminderEntry, GrainType)> Resolve(IEnumerable<ReminderEntry> stored)
    {
        foreach (var entry in stored)
        {
            if (runtime.Registry.TryGetByName(entry.GrainId.Type, out var type))
            {
                yield return (entry, type);
            }
            else
            {
                runtime.Logger.LogWarning("Reminder {ReminderName} of {GrainId}: grain type not registered on this silo; not scheduled", entry.ReminderName, entry.GrainId);
            }
        }
    }

    private void Apply(int shard, GrainId grainId, string name, ReminderEntry? entry, GrainType? type)
    {
        lock (gate)
        {
            // Not owned here any more: the stored change is what the next owner loads.
            shards.GetValueOrDefault(shard)?.Apply(grainId, name, entry, type);
        }
    }

    private void Fire(ScheduledReminder reminder)
    {
        TickStatus tick;
        lock (gate)
        {
            if (reminder.IsDisposed)
            {
                return;
            }

            tick = reminder.Advance();
        }

        var key = reminder.Entry.GrainId.Key;
        if (!runtime.Catalog.Deliver(reminder.Type, key, new ReminderWorkItem(reminder.Entry.ReminderName, tick)))
        {
            runtime.Logger.LogDebug("Reminder {ReminderName} of {GrainId} not delivered: its shard is not runnable here", reminder.Entry.ReminderName, reminder.Entry.GrainId);
        }
    }

    private static void ThrowIfLocal(GrainId grainId, int shard)
    {
        if (shard == ShardMap.Local)
        {
            throw new NotSupportedException($"{grainId} is silo-local: it has no shard to store reminders in; use a grain timer");
        }
    }
}
