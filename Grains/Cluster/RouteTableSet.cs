using System.Collections.Immutable;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Cluster;

/// <summary>
/// The VPC route tables the route controller keeps: cloud-config <c>routeTableIDs</c>, or else the VPC's only route
/// table, found once with <c>DescribeRouteTableList</c> (upstream's <c>getRouteTables</c>: more than one table
/// without <c>routeTableIDs</c> is a configuration error, because routes in the wrong table break pod traffic).
/// </summary>
public sealed class RouteTableSet
{
    private readonly CcmOptions options;
    private readonly Func<IVpcClient> vpc;
    private ImmutableArray<string> ids;

    public RouteTableSet(CcmOptions options, Func<IVpcClient> vpc)
    {
        this.options = options;
        this.vpc = vpc;
        ids = Needed ? options.RouteTableIds : [];
    }

    /// <summary>Raised once, when tables were discovered (configured ones are known from the start).</summary>
    public event EventHandler? Resolved;

    /// <summary>Whether the route controller runs at all.</summary>
    public bool Needed => options.Runs("route") && options.ConfigureCloudRoutes;

    /// <summary>The tables; empty until discovered, and always empty when routes are off.</summary>
    public ImmutableArray<string> Ids => ids;

    public bool IsResolved => !Needed || !ids.IsEmpty;

    /// <summary>Discovers the VPC's table when none is configured. Throws when the VPC has none or several.</summary>
    public async Task ResolveAsync(CancellationToken cancellationToken)
    {
        if (IsResolved)
        {
            return;
        }

        var tables = new List<string>();
        await foreach (var table in vpc().DescribeRouteTableListAsync(new DescribeRouteTableListRequest { VpcId = options.VpcId }, cancellationToken))
        {
            tables.Add(table.RouteTableId);
        }

        if (tables.Count != 1)
        {
            throw new InvalidOperationException(tables.Count == 0
                ? $"VPC {options.VpcId} has no route table; set routeTableIDs in the cloud-config"
                : $"VPC {options.VpcId} has {tables.Count} route tables ({string.Join(", ", tables)}); list the ones to keep routes in with routeTableIDs in the cloud-config");
        }

        ids = [tables[0]];
        Resolved?.Invoke(this, EventArgs.Empty);
    }
}
