namespace Ccm.Runtime;

/// <summary>
/// Which shards run on this silo, and when that changes. The watcher grain uses it to signal every grain of a shard
/// this silo has just acquired (the previous owner's signals are gone) and to skip grains of other shards.
/// </summary>
public interface IShardDirectory
{
    int ShardCount { get; }

    /// <summary>The shard of a grain (-1 for <see cref="SiloLocalAttribute"/> grains).</summary>
    int ShardOf<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;

    /// <summary>Whether grains of <paramref name="shard"/> may run here now.</summary>
    bool IsActive(int shard);

    /// <summary>The shards whose grains may run here now, ascending.</summary>
    IReadOnlyList<int> ActiveShards { get; }

    /// <summary>
    /// Raised after a shard becomes active here (its grains can be signalled). Handlers run on the runtime's
    /// shard loop, possibly for two shards at once: keep them short and thread-safe (signal, don't await);
    /// exceptions are logged and ignored.
    /// </summary>
    event EventHandler<ShardEventArgs>? ShardAcquired;

    /// <summary>Raised when a shard starts leaving this silo (before its grains are drained).</summary>
    event EventHandler<ShardEventArgs>? ShardReleasing;
}

/// <summary>The shard an <see cref="IShardDirectory"/> event is about.</summary>
public sealed class ShardEventArgs(int shard) : EventArgs
{
    public int Shard { get; } = shard;
}
