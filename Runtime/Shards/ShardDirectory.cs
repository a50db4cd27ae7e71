using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// Connects shard ownership to the runtime: opening a shard opens its gate, loads its reminders and raises
/// <see cref="ShardAcquired"/>; stopping it raises <see cref="ShardReleasing"/>, stops its reminders and drains its
/// activations.
/// </summary>
internal sealed class ShardDirectory(SiloRuntime runtime) : IShardDirectory, IShardHost
{
    public event EventHandler<ShardEventArgs>? ShardAcquired;

    public event EventHandler<ShardEventArgs>? ShardReleasing;

    public int ShardCount => runtime.ShardMap.ShardCount;

    public IReadOnlyList<int> ActiveShards => [.. Enumerable.Range(0, ShardCount).Where(IsActive)];

    public int ShardOf<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        runtime.ShardMap.ShardOf(runtime.Registry.Get(typeof(TGrainInterface)), key);

    public bool IsActive(int shard) => runtime.Catalog.IsRunnable(shard);

    public void Activate(int shard, DateTimeOffset validUntil)
    {
        runtime.Catalog.OpenShard(shard, validUntil);
        runtime.Reminders.Load(shard);
        runtime.Logger.LogInformation("Silo {SiloName} runs shard {Shard}", runtime.SiloName, shard);
        Raise(ShardAcquired, shard);
    }

    public void Extend(int shard, DateTimeOffset validUntil) => runtime.Catalog.OpenShard(shard, validUntil);

    public async Task StopAsync(int shard, DeactivationReason reason, bool force)
    {
        runtime.Logger.Log(
            force ? LogLevel.Warning : LogLevel.Information,
            "Silo {SiloName} stops shard {Shard} ({Reason})", runtime.SiloName, shard, reason);
        runtime.Catalog.Gate(shard).Close();
        Raise(ShardReleasing, shard);
        runtime.Reminders.Unload(shard);
        await runtime.Catalog.StopShardAsync(shard, reason, force, runtime.Options.DeactivationTimeout);
    }

    private void Raise(EventHandler<ShardEventArgs>? handlers, int shard)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<EventHandler<ShardEventArgs>>() ?? [])
        {
            try
            {
                handler(this, new ShardEventArgs(shard));
            }
            catch (Exception ex)
            {
                runtime.Logger.LogError(ex, "A shard event handler failed for shard {Shard}", shard);
            }
        }
    }
}
