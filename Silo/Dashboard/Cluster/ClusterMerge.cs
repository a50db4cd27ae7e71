using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Cluster;

/// <summary>
/// Pure merges of the silos' parts into cluster-wide answers. A grain is active on one silo (its state board entry
/// lives there and is dropped when the grain moves), so rows concatenate; counts and rates add up; latency is the worst
/// silo's.
/// </summary>
public static class ClusterMerge
{
    internal static IReadOnlyList<PeerStatus> Statuses<T>(IReadOnlyList<SiloAnswer<T>> answers)
        where T : class => [.. answers.Select(a => a.Silo)];

    internal static GrainList<TRow> Rows<TRow>(IReadOnlyList<SiloAnswer<GrainList<TRow>>> answers, Func<TRow, string> key, DateTimeOffset now)
    {
        var rows = answers.SelectMany(a => a.Value?.Items ?? []).OrderBy(key, StringComparer.Ordinal).ToList();
        return new GrainList<TRow>(now, rows, rows.Count, Statuses(answers));
    }

    internal static SilosView Silos(IReadOnlyList<SiloAnswer<LocalSummary>> answers, DateTimeOffset now) =>
        new(now, [.. answers.Select(a => new SiloCard(a.Silo with { Address = a.Silo.Address ?? a.Value?.Silo.Address }, a.Value?.Silo))]);

    internal static OverviewView Overview(IReadOnlyList<SiloAnswer<LocalSummary>> answers, DashboardConfig config, DateTimeOffset now)
    {
        var parts = answers.Select(a => a.Value).OfType<LocalSummary>().ToList();
        var runtimes = parts.Select(p => p.Silo.Runtime).OfType<RuntimeSummary>().ToList();
        var pending = parts.SelectMany(p => p.PendingPlans).OrderByDescending(p => p.At).ToList();
        return new OverviewView
        {
            Now = now,
            DryRun = config.DryRun || parts.Any(p => p.Silo.DryRun),
            Silos = Silos(answers, now).Silos,
            Grains = Counts(parts.SelectMany(p => p.Grains)),
            Turns = new ClusterTurns(
                runtimes.Sum(r => r.Turns.TurnsPerSecond),
                runtimes.Sum(r => r.Turns.Turns),
                runtimes.Sum(r => r.Turns.Failures),
                runtimes.Select(r => r.Turns.Latency.P50).DefaultIfEmpty().Max(),
                runtimes.Select(r => r.Turns.Latency.P90).DefaultIfEmpty().Max(),
                runtimes.Select(r => r.Turns.Latency.P99).DefaultIfEmpty().Max(),
                runtimes.Sum(r => r.PendingSignals)),
            Cloud = [.. CloudActions(parts.Select(p => p.Cloud)).GroupBy(c => c.Product, StringComparer.Ordinal).Select(g => new CloudProductRow(
                g.Key, g.Sum(c => c.Calls), g.Sum(c => c.Errors), g.Sum(c => c.Throttles), SumOrNull(g.Select(c => c.CallsPerSecond))))],
            PendingPlans = [.. pending.Take(Local.LocalViews.PendingPlanLimit)],
            PendingPlanCount = parts.Sum(p => p.PendingPlanCount),
            Config = config,
        };
    }

    internal static CloudCallsView CloudCalls(IReadOnlyList<SiloAnswer<CloudCallsView>> answers, DateTimeOffset now) =>
        new(now, CloudActions(answers.Select(a => a.Value?.Actions ?? [])), Statuses(answers));

    /// <summary>Per product+action across silos: counts and rates add, error codes add, percentiles take the worst silo's.</summary>
    public static IReadOnlyList<CloudCallRow> CloudActions(IEnumerable<IReadOnlyList<CloudCallRow>> perSilo) =>
        [.. perSilo.SelectMany(rows => rows)
            .GroupBy(r => (r.Product, r.Action))
            .OrderBy(g => g.Key.Product, StringComparer.Ordinal).ThenBy(g => g.Key.Action, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : new CloudCallRow
            {
                Product = g.Key.Product,
                Action = g.Key.Action,
                Calls = g.Sum(r => r.Calls),
                Errors = g.Sum(r => r.Errors),
                Throttles = g.Sum(r => r.Throttles),
                Retries = g.Sum(r => r.Retries),
                CallsPerSecond = SumOrNull(g.Select(r => r.CallsPerSecond)),
                P50Ms = g.Max(r => r.P50Ms),
                P90Ms = g.Max(r => r.P90Ms),
                P99Ms = g.Max(r => r.P99Ms),
                WindowSamples = g.Sum(r => r.WindowSamples),
                LastCall = g.Max(r => r.LastCall),
                LastErrorCode = g.Where(r => r.LastErrorCode is not null).MaxBy(r => r.LastCall)?.LastErrorCode,
                ErrorCodes = g.SelectMany(r => r.ErrorCodes).GroupBy(c => c.Key, StringComparer.Ordinal)
                    .ToDictionary(c => c.Key, c => c.Sum(e => e.Value), StringComparer.Ordinal),
                Silos = g.Sum(r => r.Silos),
            })];

    /// <summary>The membership table as this silo read it, and each answering silo's activations.</summary>
    internal static MembershipView Membership(LocalMembership table, IReadOnlyList<SiloAnswer<LocalSummary>> summaries, DateTimeOffset now) =>
        new(now, table.Members, Silos(summaries, now).Silos, Statuses(summaries), table.Error);

    private static IReadOnlyList<GrainCounts> Counts(IEnumerable<GrainCounts> counts) =>
        [.. counts.GroupBy(c => c.Kind, StringComparer.Ordinal).Select(g => new GrainCounts(
            g.Key,
            g.Sum(c => c.Total),
            g.SelectMany(c => c.Phases).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Sum(e => e.Value), StringComparer.Ordinal)))];

    private static double? SumOrNull(IEnumerable<double?> values)
    {
        double? sum = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum = (sum ?? 0) + v;
            }
        }

        return sum;
    }
}
