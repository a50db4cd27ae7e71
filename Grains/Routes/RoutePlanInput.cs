using System.Collections.Immutable;
using System.Net;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Routes;

/// <summary>Everything <see cref="RoutePlanner"/> decides from, for one route table.</summary>
public sealed record RoutePlanInput
{
    public required string RouteTableId { get; init; }

    /// <summary>The nodes from the cluster cache.</summary>
    public required RouteNodeSet Nodes { get; init; }

    /// <summary>The table's Custom entries (all pages).</summary>
    public required IReadOnlyList<RouteEntry> Entries { get; init; }

    /// <summary><c>--cluster-cidr</c>: routes are only ever deleted inside it; none at all without it.</summary>
    public IPNetwork? ClusterCidr { get; init; }

    /// <summary>
    /// Whether <see cref="Nodes"/> comes from a synced cache. Until it has, an absent node proves nothing, so nothing
    /// is deleted or replaced.
    /// </summary>
    public required bool CacheSynced { get; init; }

    /// <summary>
    /// Whether any entry of our shape that no live node claims is deleted (<c>--collect-unclaimed-routes</c>); when
    /// false, only such entries whose description marks them as created here (<see cref="RouteOwnership.MarkedOurs"/>).
    /// </summary>
    public bool CollectUnclaimed { get; init; } = true;

    /// <summary>Entries per CreateRouteEntries/DeleteRouteEntries call (1-50).</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How many more custom entries the table takes, once a <c>QuotaExceeded</c> told us; null while unknown.</summary>
    public int? Room { get; init; }

    /// <summary>Routes whose create the cloud refused for good (a bad next hop...): not tried again this period.</summary>
    public IReadOnlyDictionary<NodeRoute, string> Rejected { get; init; } = ImmutableDictionary<NodeRoute, string>.Empty;

    /// <summary>When <see cref="Entries"/> was read; part of single creates' ClientToken.</summary>
    public required DateTimeOffset ObservedAt { get; init; }
}
