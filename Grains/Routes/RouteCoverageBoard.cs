using System.Collections.Concurrent;

namespace Ccm.Grains.Routes;

/// <summary>
/// Where the route table grains of this silo leave their latest <see cref="TableCoverage"/> for
/// <see cref="NetworkConditionGrain"/>, which needs every table's to decide a node's <c>NetworkUnavailable</c>. All
/// route grains share one shard, so all reports of a cluster are on one silo; a table grain withdraws its report when it
/// deactivates, and after a shard move the new owner's grains report afresh from the cloud.
/// </summary>
public sealed class RouteCoverageBoard
{
    private readonly ConcurrentDictionary<string, TableCoverage> tables = new(StringComparer.Ordinal);

    public void Report(TableCoverage coverage) => tables[coverage.RouteTableId] = coverage;

    public void Forget(string routeTableId) => tables.TryRemove(routeTableId, out _);

    public TableCoverage? Get(string routeTableId) => tables.GetValueOrDefault(routeTableId);
}
