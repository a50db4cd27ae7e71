using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Routes;

/// <summary>
/// Which of a VPC's route tables keep pod routes when cloud-config lists none (pure). Upstream's rule: exactly one
/// table, else an error, because routes in a table no vSwitch of the cluster uses would leave pods unreachable. Only
/// vRouter tables that route vSwitch traffic count (a VBR's or an IPv4 gateway's table never carries pod routes).
/// </summary>
public static class RouteTableChoice
{
    /// <summary>The one table to use, or a <see cref="RouteTableConfigurationException"/> that says how to choose.</summary>
    public static string Choose(string vpcId, IReadOnlyList<RouteTable> tables)
    {
        var candidates = tables.Where(CanCarryPodRoutes).OrderBy(t => t.RouteTableId, StringComparer.Ordinal).ToList();
        return candidates switch
        {
            [var only] => only.RouteTableId,
            [] => throw new RouteTableConfigurationException(
                $"VPC {vpcId} has no route table that can carry pod routes; check the cloud-config vpcid, or set " +
                "\"routeTableIDs\" in the cloud-config to the table(s) to use"),
            _ => throw new RouteTableConfigurationException(
                $"VPC {vpcId} has {candidates.Count} route tables ({string.Join(", ", candidates.Select(Describe))}) and the cloud-config " +
                "does not say which carry pod routes: set \"routeTableIDs\" in the cloud-config to a comma-separated list, e.g. " +
                $"\"routeTableIDs\": \"{string.Join(",", candidates.Select(t => t.RouteTableId))}\" (every listed table gets every node's route)"),
        };
    }

    public static bool CanCarryPodRoutes(RouteTable table) =>
        table.RouterType is null or "" or "VRouter" && !string.Equals(table.AssociateType, "Gateway", StringComparison.OrdinalIgnoreCase);

    private static string Describe(RouteTable table) =>
        $"{table.RouteTableId} ({table.RouteTableType ?? "?"}{(string.IsNullOrEmpty(table.RouteTableName) ? "" : ", " + table.RouteTableName)})";
}
