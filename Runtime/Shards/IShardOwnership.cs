namespace Ccm.Runtime;

/// <summary>How this silo comes to own shards: Leases shared with peers, or all of them alone.</summary>
internal interface IShardOwnership
{
    /// <summary>This silo's identity as a Lease holder (silo name plus an incarnation suffix).</summary>
    string Identity { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Graceful stop: drain every shard and release it so peers take over without waiting for expiry.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Stop as a crashed process would: no Lease write; the grains stop at once (not awaited for long).</summary>
    Task AbortAsync();

    IReadOnlyList<ShardStatistics> Shards();

    IReadOnlyList<SiloMember> Members();

    IReadOnlyList<ShardClaim> History();

    /// <summary>When this silo last completed a full round with the Lease store (null before the first, or never with one silo alone).</summary>
    DateTimeOffset? LastSync { get; }
}
