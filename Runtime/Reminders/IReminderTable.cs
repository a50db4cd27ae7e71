namespace Ccm.Runtime;

/// <summary>
/// Durable reminders, stored per shard so that a shard's new owner loads exactly its own. Writes touch one reminder
/// each, so two grains of one shard never overwrite each other's reminders.
/// </summary>
public interface IReminderTable
{
    /// <summary>Every reminder of grains on <paramref name="shard"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadShardAsync(int shard, CancellationToken cancellationToken);

    /// <summary>Adds or replaces (by grain id and name) one reminder.</summary>
    Task UpsertAsync(int shard, ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes one reminder; a missing one is not an error.</summary>
    Task RemoveAsync(int shard, GrainId grainId, string reminderName, CancellationToken cancellationToken);
}
