namespace Ccm.Silo.Dashboard.Model;

/// <summary>How many grains of one kind are in each phase (the phase name is the key).</summary>
public sealed record GrainCounts(string Kind, int Total, IReadOnlyDictionary<string, int> Phases);

/// <summary>A dry-run plan waiting to be applied: the grain and what it would do.</summary>
public sealed record PendingPlan(string Kind, string Key, string Silo, DateTimeOffset At, IReadOnlyList<string> Operations);

/// <summary>What one silo says about itself for the overview (<c>/api/local/summary</c>); the cluster view merges these.</summary>
public sealed record LocalSummary
{
    public required SiloSummary Silo { get; init; }

    public required IReadOnlyList<GrainCounts> Grains { get; init; }

    /// <summary>The first few pending plans (dry-run), newest first.</summary>
    public required IReadOnlyList<PendingPlan> PendingPlans { get; init; }

    public required int PendingPlanCount { get; init; }

    public required IReadOnlyList<CloudCallRow> Cloud { get; init; }
}
