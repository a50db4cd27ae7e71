using System.Collections.Immutable;
using Ccm.CloudClients.Vpc;
using Ccm.Grains.Routes;

namespace Ccm.Grains.Cluster;

/// <summary>
/// The VPC route tables the route controller keeps, one <see cref="GrainInterfaces.IRouteTableGrain"/> each: cloud-config
/// <c>routeTableIDs</c> (trimmed, deduplicated, in order), or else the VPC's only route table, found once with
/// <c>DescribeRouteTableList</c> (all pages) by <see cref="ResolveAsync"/> (upstream's <c>getRouteTables</c>: more than
/// one table without <c>routeTableIDs</c> is a configuration error, because routes in the wrong table break pod
/// traffic; <see cref="RouteTableChoice"/> says which tables count). The watcher signals a grain per id in
/// <see cref="Ids"/>; the network-condition grain requires a node's route in every one of them.
/// </summary>
public sealed class RouteTableSet
{
    private readonly CcmOptions options;
    private readonly Func<IVpcClient> vpc;
    private readonly Lock gate = new();
    private ImmutableArray<string> ids;

    /// <param name="vpc">Resolved only when discovery is needed, so a silo without routes never builds a VPC client.</param>
    public RouteTableSet(CcmOptions options, Func<IVpcClient> vpc)
    {
        this.options = options;
        this.vpc = vpc;
        ids = Needed ? Configured(options.RouteTableIds) : [];
    }

    /// <summary>Raised once, when tables were discovered (configured ones are known from the start).</summary>
    public event EventHandler? Resolved;

    /// <summary>Whether the route controller runs at all (<c>--controllers</c> has route, <c>--configure-cloud-routes</c>).</summary>
    public bool Needed => options.Runs("route") && options.ConfigureCloudRoutes;

    /// <summary>The tables; empty until discovered, and always empty when routes are off.</summary>
    public ImmutableArray<string> Ids
    {
        get
        {
            lock (gate)
            {
                return ids;
            }
        }
    }

    public bool IsResolved => !Needed || !Ids.IsEmpty;

    /// <summary>
    /// The tables, discovering the VPC's only one when none is configured. Throws
    /// <see cref="RouteTableConfigurationException"/> when the VPC has none or several (the message lists them and says
    /// how to choose), or the cloud's error when the lookup fails.
    /// </summary>
    public async Task<ImmutableArray<string>> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IsResolved)
        {
            return Ids;
        }

        var tables = new List<RouteTable>();
        await foreach (var table in vpc().DescribeRouteTableListAsync(new DescribeRouteTableListRequest { VpcId = options.VpcId }, cancellationToken))
        {
            tables.Add(table);
        }

        var found = RouteTableChoice.Choose(options.VpcId, tables);
        bool first;
        lock (gate)
        {
            first = ids.IsEmpty;
            ids = first ? [found] : ids;
        }

        if (first)
        {
            Resolved?.Invoke(this, EventArgs.Empty);
        }

        return Ids;
    }

    private static ImmutableArray<string> Configured(ImmutableArray<string> configured) =>
        [.. configured.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];
}
