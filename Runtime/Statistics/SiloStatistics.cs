namespace Ccm.Runtime;

/// <summary>Counts of one grain type's activations on this silo, by state.</summary>
public sealed record GrainTypeStatistics(string GrainType, int Activations, int Idle, int Running, int Queued, int BackingOff, int Scheduled);

/// <summary>Totals and recent rates of turns on this silo.</summary>
public sealed record TurnTotals(long Turns, long Failures, double TurnsPerSecond, TurnLatency Latency);

/// <summary>
/// Everything the dashboard and <c>/metrics</c> show about one silo, as one immutable snapshot (OrleansDashboard's
/// silo, grain and reminder pages, from a single call).
/// </summary>
public sealed record SiloStatistics
{
    public required string SiloName { get; init; }

    /// <summary>The silo's Lease holder identity.</summary>
    public required string Identity { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required bool LeaderElect { get; init; }

    /// <summary>When the silo last completed a round with the Lease store (null with leader election off).</summary>
    public DateTimeOffset? LastLeaseSync { get; init; }

    public required IReadOnlyList<ShardStatistics> Shards { get; init; }

    public required IReadOnlyList<SiloMember> Members { get; init; }

    public required IReadOnlyList<ShardClaim> ShardHistory { get; init; }

    public required IReadOnlyList<GrainTypeStatistics> GrainTypes { get; init; }

    public required TurnTotals Turns { get; init; }

    public required long SignalsAccepted { get; init; }

    /// <summary>Signals for grains whose shard does not run here (their owner handles them).</summary>
    public required long SignalsDropped { get; init; }

    /// <summary>Reconcile turns queued and not yet started.</summary>
    public required int PendingSignals { get; init; }

    public required IReadOnlyList<ReminderStatistics> Reminders { get; init; }

    public required IReadOnlyList<ActivationStatistics> Activations { get; init; }

    public int ShardsHeld => Shards.Count(s => s.State != ShardState.NotHeld);
}
