using System.Collections.Immutable;

namespace Ccm.Grains.Routes;

/// <summary>
/// One cloud call of a route plan, named by the API action it becomes. Batches hold at most
/// <see cref="CcmOptions.RouteBatchSize"/> entries (the API's limit is 50); a lone entry uses the single-entry action,
/// which for creates carries a <c>ClientToken</c>.
/// </summary>
public abstract record RouteOperation
{
    private RouteOperation()
    {
    }

    /// <summary>The API action, e.g. <c>CreateRouteEntries</c>.</summary>
    public abstract string Action { get; }

    /// <summary>What it acts on, for the dashboard.</summary>
    public abstract string Target { get; }

    public sealed record CreateOne(NodeRoute Route, string ClientToken) : RouteOperation
    {
        public override string Action => "CreateRouteEntry";

        public override string Target => Route.ToString();
    }

    public sealed record CreateBatch(ImmutableArray<NodeRoute> Routes) : RouteOperation
    {
        public override string Action => "CreateRouteEntries";

        public override string Target => Summary(Routes.Select(r => r.DestinationCidrBlock));
    }

    public sealed record DeleteOne(StaleRoute Route) : RouteOperation
    {
        public override string Action => "DeleteRouteEntry";

        public override string Target => $"{Route.DestinationCidrBlock} -> {Route.NextHopId} ({Route.Reason})";
    }

    public sealed record DeleteBatch(ImmutableArray<StaleRoute> Routes) : RouteOperation
    {
        public override string Action => "DeleteRouteEntries";

        public override string Target => Summary(Routes.Select(r => r.DestinationCidrBlock));
    }

    private static string Summary(IEnumerable<string> cidrs)
    {
        var all = cidrs.ToList();
        return all.Count <= 3 ? string.Join(", ", all) : $"{string.Join(", ", all.Take(3))} and {all.Count - 3} more";
    }
}
