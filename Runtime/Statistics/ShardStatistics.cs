namespace Ccm.Runtime;

/// <summary>A shard as this silo sees it.</summary>
public enum ShardState
{
    /// <summary>Not held by this silo.</summary>
    NotHeld,

    /// <summary>Held here; its grains run here.</summary>
    Active,

    /// <summary>Held here, assigned elsewhere: turns finish, grains deactivate, then the Lease is released.</summary>
    Draining,
}

/// <summary>One shard (immutable snapshot).</summary>
public sealed record ShardStatistics
{
    public required int Shard { get; init; }

    public required ShardState State { get; init; }

    /// <summary>The Lease's holder as last observed (a silo identity), or null when released or unknown.</summary>
    public string? Holder { get; init; }

    /// <summary>The live silo the shard is assigned to by rendezvous hashing, as this silo computes it.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>When the current holder acquired the Lease.</summary>
    public DateTimeOffset? AcquireTime { get; init; }

    /// <summary>This silo's last successful renewal (when held here).</summary>
    public DateTimeOffset? RenewedAt { get; init; }

    /// <summary>When this silo stops the shard's grains unless it renews first (when held here).</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    public int LeaseTransitions { get; init; }
}

/// <summary>A silo of the ring, from its membership Lease.</summary>
public sealed record SiloMember(string Name, string Identity, string? Address, DateTimeOffset? StartedAt, DateTimeOffset? RenewTime, bool IsSelf);

/// <summary>An interval during which this silo ran a shard (<see cref="To"/> null while it still does).</summary>
public sealed record ShardClaim(int Shard, DateTimeOffset From, DateTimeOffset? To);
