using Ccm.Runtime;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>One shard as the silo reporting it sees it.</summary>
public sealed record ShardRow
{
    public required int Shard { get; init; }

    public required ShardState State { get; init; }

    /// <summary>The silo holding the shard's Lease, or null when released.</summary>
    public string? Holder { get; init; }

    public string? AssignedTo { get; init; }

    public DateTimeOffset? AcquiredAt { get; init; }

    public DateTimeOffset? RenewedAt { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public int Transitions { get; init; }

    /// <summary>The silo this row was reported by.</summary>
    public required string ReportedBy { get; init; }

    public static ShardRow From(ShardStatistics s, string reportedBy) => new()
    {
        Shard = s.Shard,
        State = s.State,
        Holder = s.Holder,
        AssignedTo = s.AssignedTo,
        AcquiredAt = s.AcquireTime,
        RenewedAt = s.RenewedAt,
        ValidUntil = s.ValidUntil,
        Transitions = s.LeaseTransitions,
        ReportedBy = reportedBy,
    };
}

/// <summary>An interval during which a silo ran a shard; a handover is one ending and the next beginning.</summary>
public sealed record ShardClaimRow(int Shard, string Silo, DateTimeOffset From, DateTimeOffset? To);

/// <summary>One silo's shards and its claim history.</summary>
public sealed record LocalShards(string Silo, DateTimeOffset Now, IReadOnlyList<ShardRow> Shards, IReadOnlyList<ShardClaimRow> History);

/// <summary>Who holds what across the cluster, and the recent handovers.</summary>
public sealed record ShardsView(DateTimeOffset Now, IReadOnlyList<ShardRow> Shards, IReadOnlyList<ShardClaimRow> History, IReadOnlyList<PeerStatus> Silos);
