using Ccm.GrainInterfaces.State;
using Ccm.Runtime;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>One silo as it describes itself: identity, runtime figures and its watcher.</summary>
public sealed record SiloSummary
{
    public required string Name { get; init; }

    /// <summary>Where peers and users reach this silo's dashboard, as advertised on its membership Lease.</summary>
    public string? Address { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>Null when the silo runs no grain runtime (a bare host).</summary>
    public RuntimeSummary? Runtime { get; init; }

    /// <summary>Null when the silo runs no watcher or it did not answer in time.</summary>
    public WatcherStatus? Watcher { get; init; }
}

/// <summary>The grain runtime of one silo, from <c>GrainSilo.GetStatistics()</c>.</summary>
public sealed record RuntimeSummary
{
    public required string Identity { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required bool LeaderElect { get; init; }

    /// <summary>The last completed round with the Lease store; its age is how fresh this silo's Leases are.</summary>
    public DateTimeOffset? LastLeaseSync { get; init; }

    public required int ShardsHeld { get; init; }

    public required int ShardCount { get; init; }

    public required TurnTotals Turns { get; init; }

    public required long SignalsAccepted { get; init; }

    public required long SignalsDropped { get; init; }

    public required int PendingSignals { get; init; }

    public required int Activations { get; init; }

    public required int Reminders { get; init; }

    public required IReadOnlyList<GrainTypeStatistics> GrainTypes { get; init; }
}
