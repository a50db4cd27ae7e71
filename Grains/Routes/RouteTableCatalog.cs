using System.Collections.Immutable;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Routes;

/// <summary>
/// The route tables the route controller keeps, one <see cref="GrainInterfaces.IRouteTableGrain"/> each: cloud-config
/// <c>routeTableIDs</c> (trimmed, deduplicated, in order), or else the VPC's one table, discovered with
/// <c>DescribeRouteTableList</c> (all pages) by <see cref="ResolveAsync"/>. The silo resolves it at start (a failure is
/// a start-up error with the message to show); the watcher reads <see cref="Ids"/> to know which grains to signal.
/// </summary>
public sealed class RouteTableCatalog
{
    private readonly CcmOptions options;
    private readonly IVpcClient vpc;
    private readonly Lock gate = new();
    private ImmutableArray<string> ids;

    public RouteTableCatalog(CcmOptions options, IVpcClient vpc)
    {
        this.options = options;
        this.vpc = vpc;
        ids = Enabled ? Configured(options.RouteTableIds) : [];
    }

    /// <summary>Raised once when discovery finds the table (configured tables are known from the start).</summary>
    public event EventHandler? Resolved;

    /// <summary>Whether the route controller runs at all (<c>--controllers</c> has route, <c>--configure-cloud-routes</c>).</summary>
    public bool Enabled => options.Runs("route") && options.ConfigureCloudRoutes;

    /// <summary>The tables to keep; empty until resolved, and always empty when <see cref="Enabled"/> is false.</summary>
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

    public bool IsResolved => !Enabled || !Ids.IsEmpty;

    /// <summary>
    /// The tables, discovering the VPC's only one when none is configured. Throws
    /// <see cref="RouteTableConfigurationException"/> when the VPC has none or several (the message lists them and
    /// says how to choose), or the cloud's error when the lookup fails.
    /// </summary>
    public async Task<ImmutableArray<string>> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IsResolved)
        {
            return Ids;
        }

        var tables = new List<RouteTable>();
        await foreach (var table in vpc.DescribeRouteTableListAsync(new DescribeRouteTableListRequest { VpcId = options.VpcId }, cancellationToken))
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
