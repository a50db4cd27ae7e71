using k8s;
using k8s.Models;

namespace Ccm.Grains.Routes;

/// <summary>
/// Decides each routed node's <c>NetworkUnavailable</c> (pure): <c>False</c>/<c>RouteCreated</c> only when its route
/// is present in every table, else <c>True</c>/<c>NoRouteCreated</c> naming the tables that lack it. Returns only the
/// nodes whose condition differs from what they carry, so unchanged nodes are never written.
/// </summary>
public static class NetworkConditionPlanner
{
    /// <param name="desired">The routed nodes' routes.</param>
    /// <param name="tables">Every configured table's latest coverage (all of them, or the caller waits).</param>
    /// <param name="current">A node's present <c>NetworkUnavailable</c> condition, or null.</param>
    public static IReadOnlyList<NetworkCondition> Plan(
        IReadOnlyList<NodeRoute> desired, IReadOnlyList<TableCoverage> tables, Func<string, V1NodeCondition?> current) =>
        [.. desired.Select(route => Wanted(route, tables)).Where(want => Differs(current(want.NodeName), want))];

    public static NetworkCondition Wanted(NodeRoute route, IReadOnlyList<TableCoverage> tables)
    {
        var missing = tables.Where(t => !t.Present.Contains(route)).ToList();
        return missing.Count == 0
            ? new NetworkCondition(route.NodeName, "False", NetworkCondition.RouteCreated,
                $"Route {route.DestinationCidrBlock} via {route.InstanceId} is in route table(s) {string.Join(", ", tables.Select(t => t.RouteTableId))}")
            : new NetworkCondition(route.NodeName, "True", NetworkCondition.NoRouteCreated,
                $"Route {route.DestinationCidrBlock} via {route.InstanceId} is missing from route table(s) {string.Join(", ", missing.Select(Describe))}");
    }

    private static bool Differs(V1NodeCondition? present, NetworkCondition wanted) =>
        present is null || present.Status != wanted.Status || present.Reason != wanted.Reason || present.Message != wanted.Message;

    private static string Describe(TableCoverage table) => table.Problem is null ? table.RouteTableId : $"{table.RouteTableId} ({table.Problem})";
}
