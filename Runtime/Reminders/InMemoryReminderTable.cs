using System.Collections.Concurrent;

namespace Ccm.Runtime;

/// <summary>
/// An <see cref="IReminderTable"/> in memory: durable only for as long as the object lives, so a test that keeps it
/// across silo restarts sees what a Kubernetes-backed table would keep. Not for production (Orleans says the same
/// of its in-memory table).
/// </summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(int Shard, GrainId GrainId, string Name), ReminderEntry> entries = new();

    public IReadOnlyList<ReminderEntry> All => [.. entries.Values];

    public Task<IReadOnlyList<ReminderEntry>> ReadShardAsync(int shard, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. entries.Where(e => e.Key.Shard == shard).Select(e => e.Value)]);

    public Task UpsertAsync(int shard, ReminderEntry entry, CancellationToken cancellationToken)
    {
        entries[(shard, entry.GrainId, entry.ReminderName)] = entry;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(int shard, GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        entries.TryRemove((shard, grainId, reminderName), out _);
        return Task.CompletedTask;
    }
}
