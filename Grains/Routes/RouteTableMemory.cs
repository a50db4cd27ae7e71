using System.Collections.Immutable;

namespace Ccm.Grains.Routes;

/// <summary>
/// What a route table grain remembers between turns so that it never retries hot: the quota the cloud revealed with
/// <c>QuotaExceeded</c>, the routes it refused for good, and how long the table has been settling. A period (reminder)
/// forgets the first two, so each is tried again once a period (the quota may have been raised, the node fixed).
/// </summary>
internal sealed class RouteTableMemory
{
    private ImmutableDictionary<NodeRoute, string> rejected = ImmutableDictionary<NodeRoute, string>.Empty;
    private int unsettledTurns;

    /// <summary>The custom-entry count at which the table said <c>QuotaExceeded</c>; null while it has not.</summary>
    public int? Quota { get; private set; }

    public IReadOnlyDictionary<NodeRoute, string> Rejected => rejected;

    /// <summary>How many more entries fit, once the quota is known.</summary>
    public int? Room(int customEntries) => Quota - customEntries;

    public void StartPeriod()
    {
        Quota = null;
        rejected = rejected.Clear();
    }

    public void Learn(RouteTableTurn turn)
    {
        if (turn.Execution is not { } execution)
        {
            return;
        }

        if (execution.QuotaExceeded)
        {
            Quota = turn.EntriesAfter;
        }

        rejected = rejected.SetItems(execution.Created.Where(c => c.Value.Status == RouteStatus.Rejected)
            .Select(c => KeyValuePair.Create(c.Key, $"{c.Value.Code}: {c.Value.Message}")));
    }

    /// <summary>When to look at the table again: soon while something settles (backing off), else at the next signal or period.</summary>
    public TimeSpan? NextCheck(RouteTableTurn turn, TimeSpan first, TimeSpan max)
    {
        var unsettled = turn.Plan.Unsettled || turn.Routes.Any(r => r.Status is RouteStatus.Pending or RouteStatus.Waiting);
        if (!unsettled || turn.DryRun)
        {
            unsettledTurns = 0;
            return null;
        }

        var delay = first * Math.Pow(2, Math.Min(unsettledTurns++, 10));
        return delay < max ? delay : max;
    }
}
