using System.Net;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Routes;

/// <summary>
/// Which route entries this controller may ever delete or replace. Only entries of the exact shape it creates qualify:
/// a <c>Custom</c> entry, not the default route, inside <c>--cluster-cidr</c>, with exactly one next hop, of type
/// <c>Instance</c>. Everything else (system entries, 0.0.0.0/0, ECMP routes, NAT/VPN/ENI/HaVip next hops, anything
/// outside the cluster CIDR) is someone else's and is never touched.
/// </summary>
public static class RouteOwnership
{
    public const string CustomType = "Custom";
    public const string InstanceHopType = "Instance";
    public const string DefaultRoute = "0.0.0.0/0";

    /// <summary>How the description of every entry this controller creates ends (upstream writes none).</summary>
    public const string DescriptionMark = "(cloud-controller-manager)";

    /// <summary>
    /// Whether <paramref name="entry"/>'s description says this controller created it. Entries made by hand, by upstream's
    /// controller or by older versions carry no such mark.
    /// </summary>
    public static bool MarkedOurs(RouteEntry entry) => entry.Description?.EndsWith(DescriptionMark, StringComparison.Ordinal) == true;

    /// <summary>The single <c>Instance</c> next hop of <paramref name="entry"/>, or null when it has another shape.</summary>
    public static NextHop? SingleInstanceHop(RouteEntry entry) =>
        entry.NextHops is [{ NextHopType: InstanceHopType, NextHopId.Length: > 0 } hop] ? hop : null;

    /// <summary>Null when <paramref name="entry"/> has the shape of a route this controller may delete; else why not.</summary>
    /// <param name="entry">A route entry as DescribeRouteEntryList returns it.</param>
    /// <param name="clusterCidr"><c>--cluster-cidr</c>; without it nothing is ever deleted.</param>
    public static string? WhyUntouchable(RouteEntry entry, IPNetwork? clusterCidr)
    {
        var destination = Ipv4Cidr.Canonical(entry.DestinationCidrBlock);
        return entry switch
        {
            { Type: not CustomType } => $"a {entry.Type ?? "typeless"} entry, not Custom",
            _ when destination is null => $"destination {entry.DestinationCidrBlock} is not an IPv4 CIDR block",
            _ when destination == DefaultRoute => "the default route",
            { NextHops.Count: 0 } => "no next hop",
            { NextHops.Count: > 1 } => $"an ECMP route with {entry.NextHops.Count} next hops",
            _ when SingleInstanceHop(entry) is null => $"next hop type {entry.NextHops[0].NextHopType}, not Instance",
            _ when clusterCidr is null => "no --cluster-cidr is set",
            _ when !Ipv4Cidr.IsInside(destination, clusterCidr.Value) => $"outside the cluster CIDR {clusterCidr}",
            _ => null,
        };
    }
}
