using Ccm.GrainInterfaces.State;

namespace Ccm.Grains.Routes;

/// <summary>A Kubernetes Event a route table turn raises about one Node.</summary>
internal sealed record RouteEvent(string NodeName, string Reason, string Message);

/// <summary>
/// The Warning Events of a route table turn, on the Nodes affected (a route table is not a Kubernetes object): a route
/// the cloud refused, a route that waits because the table is full, a destination held by a route we do not manage.
/// Each is raised when it happens (a refused or over-quota create, at most once a period) or, for a conflict, when it
/// starts, so a steady state raises none.
/// </summary>
internal static class RouteTableEvents
{
    public const string FailedToCreateRoute = "FailedToCreateRoute";
    public const string RouteTableFull = "RouteTableFull";
    public const string RouteConflict = "RouteConflict";

    public static IReadOnlyList<RouteEvent> Of(RouteTableTurn turn, RouteTableGrainState previous)
    {
        var table = turn.RouteTableId;
        var events = new List<RouteEvent>();
        foreach (var (route, outcome) in turn.Execution?.Created ?? new Dictionary<NodeRoute, RouteOutcome>())
        {
            if (outcome.Status == RouteStatus.Rejected)
            {
                events.Add(new(route.NodeName, FailedToCreateRoute,
                    $"Route table {table} refused route {route.DestinationCidrBlock} via {route.InstanceId}: {outcome.Code}: {outcome.Message}. " +
                    "It is tried again every route reconciliation period, or when the node changes."));
            }
        }

        if (turn.Execution?.QuotaExceeded == true)
        {
            events.AddRange(turn.Routes.Where(r => r.Status == RouteStatus.Full).Select(r => new RouteEvent(r.Route.NodeName, RouteTableFull,
                $"Route table {table} is full: it holds {turn.EntriesAfter} custom route entries and its quota allows no more ({RouteErrors.QuotaExceeded}); " +
                $"route {r.Route.DestinationCidrBlock} for this node waits for room. Raise the route entry quota of {table} or remove entries no longer needed.")));
        }

        var blockedBefore = previous.Routes.Where(r => r.Status == nameof(RouteStatus.Blocked)).Select(r => r.NodeName).ToHashSet(StringComparer.Ordinal);
        events.AddRange(turn.Routes.Where(r => r.Status == RouteStatus.Blocked && !blockedBefore.Contains(r.Route.NodeName))
            .Select(r => new RouteEvent(r.Route.NodeName, RouteConflict,
                $"Route table {table}: destination {r.Route.DestinationCidrBlock} is {r.Note}; this node's pod CIDR is not routed there.")));
        return events;
    }
}
