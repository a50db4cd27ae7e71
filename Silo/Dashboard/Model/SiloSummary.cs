using Ccm.GrainInterfaces.State;
using Ccm.Grains.Reconcile;

namespace Ccm.Silo.Dashboard.Model;

/// <summary>One silo as it describes itself: identity, runtime figures and its watcher.</summary>
public sealed record SiloSummary
{
    public required string Name { get; init; }

    /// <summary>Where peers and users reach this silo's dashboard, as advertised in its Orleans silo metadata.</summary>
    public string? Address { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>Null when the silo runs no Orleans (a bare host).</summary>
    public RuntimeSummary? Runtime { get; init; }

    /// <summary>Null when the silo runs no watcher or it did not answer in time.</summary>
    public WatcherStatus? Watcher { get; init; }
}

/// <summary>What this silo's Orleans runtime and reconcile layer are doing.</summary>
public sealed record RuntimeSummary
{
    /// <summary>Orleans' silo address (<c>ip:port@generation</c>).</summary>
    public required string Identity { get; init; }

    /// <summary>Joining, Active, ShuttingDown...</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Clustered through Kubernetes (<c>--leader-elect</c>), or alone with in-memory membership.</summary>
    public required bool LeaderElect { get; init; }

    /// <summary>Active silos in this silo's view.</summary>
    public required int ActiveSilos { get; init; }

    public required TurnTotals Turns { get; init; }

    /// <summary>Signals received by this silo's grains.</summary>
    public required long SignalsAccepted { get; init; }

    /// <summary>Activations with a signal waiting for its turn.</summary>
    public required int PendingSignals { get; init; }

    public required int Activations { get; init; }

    /// <summary>Activations per grain type and state: which silo hosts how many of each.</summary>
    public required IReadOnlyList<GrainTypeActivity> GrainTypes { get; init; }
}

/// <summary>Turns on one silo: totals, the recent rate, and recent latency percentiles (ms).</summary>
public sealed record TurnTotals(long Turns, long Failures, double TurnsPerSecond, TurnLatency Latency);

/// <summary>Activations of one grain type on one silo, by where they stand.</summary>
public sealed record GrainTypeActivity(string GrainType, int Activations, int Idle, int Running, int Queued, int BackingOff, int Scheduled);
