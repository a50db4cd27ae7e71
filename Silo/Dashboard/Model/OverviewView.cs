namespace Ccm.Silo.Dashboard.Model;

/// <summary>A silo on the overview: its own summary, or the error that kept it out.</summary>
public sealed record SiloCard(PeerStatus Peer, SiloSummary? Summary);

/// <summary>Turns across the cluster: rates and totals add up; latency is the worst silo's.</summary>
public sealed record ClusterTurns(double TurnsPerSecond, long Turns, long Failures, double P50Ms, double P90Ms, double P99Ms, int PendingSignals);

/// <summary>The overview page (<c>/api/overview</c>).</summary>
public sealed record OverviewView
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>True when any silo runs with <c>--dry-run</c>: plans are computed, nothing is changed.</summary>
    public required bool DryRun { get; init; }

    public required IReadOnlyList<SiloCard> Silos { get; init; }

    public required IReadOnlyList<GrainCounts> Grains { get; init; }

    public required ClusterTurns Turns { get; init; }

    public required IReadOnlyList<CloudProductRow> Cloud { get; init; }

    public required IReadOnlyList<PendingPlan> PendingPlans { get; init; }

    public required int PendingPlanCount { get; init; }

    public required DashboardConfig Config { get; init; }
}

/// <summary>The silos page (<c>/api/silos</c>).</summary>
public sealed record SilosView(DateTimeOffset Now, IReadOnlyList<SiloCard> Silos);
