using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ccm.Grains.Routes;

/// <summary>
/// The <c>ClientToken</c> of a single CreateRouteEntry: a hash of table, destination, next hop and the moment the table
/// was read. Stable for every transport retry of one call, so a create whose response was lost is answered with the
/// entry it made instead of a second attempt. The read time is part of it on purpose: the service remembers a token's
/// first answer, so a token made from the route alone would, after someone deleted that entry by hand, keep returning
/// the deleted entry and never create it again. Across turns nothing is lost: each turn re-reads the table first, and
/// the service refuses a second entry for one destination anyway.
/// </summary>
public static class RouteClientToken
{
    /// <summary>At most 64 ASCII characters, as the API requires.</summary>
    public static string For(string routeTableId, NodeRoute route, DateTimeOffset observedAt)
    {
        var input = string.Join('|', routeTableId, route.DestinationCidrBlock, route.InstanceId,
            observedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return "ccm-route-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..40];
    }
}
