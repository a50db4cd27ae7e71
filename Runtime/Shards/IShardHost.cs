namespace Ccm.Runtime;

/// <summary>What shard ownership (Leases, or one silo owning all) drives: the runtime's side of a shard changing hands.</summary>
internal interface IShardHost
{
    /// <summary>The shard is ours until <paramref name="validUntil"/> (extended by later calls): open it, load its reminders.</summary>
    void Activate(int shard, DateTimeOffset validUntil);

    /// <summary>A renewal moved the deadline.</summary>
    void Extend(int shard, DateTimeOffset validUntil);

    /// <summary>Stops the shard's reminders and grains; completes when they are gone (or the deactivation timeout passed).</summary>
    Task StopAsync(int shard, DeactivationReason reason, bool force);
}
