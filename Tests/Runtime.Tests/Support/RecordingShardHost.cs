using System.Collections.Concurrent;

namespace Ccm.Runtime.Tests;

/// <summary>An <see cref="IShardHost"/> that records what shard ownership asks of the runtime.</summary>
internal sealed class RecordingShardHost
    : IShardHost
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> active = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, drains (graceful stops) wait for it.</summary>
    public TaskCompletionSource? DrainGate { get; set; }

    public IReadOnlyDictionary<int, DateTimeOffset> Active => active;

    public void Activate(int shard, DateTimeOffset validUntil)
    {
        active[shard] = validUntil;
        Calls.Enqueue($"activate {shard}");
    }

    public void Extend(int shard, DateTimeOffset validUntil) => active[shard] = validUntil;

    public Task StopAsync(int shard, DeactivationReason reason, bool force)
    {
        active.TryRemove(shard, out _);
        Calls.Enqueue($"stop {shard} {reason}{(force ? " force" : "")}");
        return force || DrainGate is null ? Task.CompletedTask : DrainGate.Task;
    }
}
