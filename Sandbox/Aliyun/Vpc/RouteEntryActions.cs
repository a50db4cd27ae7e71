using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>
/// CreateRouteEntry and DeleteRouteEntry: asynchronous, one write at a time per VPC (see <see cref="RouteWrites"/>).
/// CreateRouteEntry honours <c>ClientToken</c>: a repeated token answers the first RouteEntryId and creates nothing.
/// </summary>
internal static class RouteEntryActions
{
    public static ApiResult Create(ActionContext c)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var request = new RouteEntryRequest(
            p.Required("RouteTableId"), p.Required("DestinationCidrBlock"), NextHops(p),
            p.NonEmpty("RouteEntryName") ?? "", p.NonEmpty("Description") ?? "");
        var token = p.NonEmpty("ClientToken");
        var entryId = c.Store.Update(s =>
        {
            var key = token is null ? null : CloudSnapshot.ClientTokenKey(c.Action, token);
            if (key is not null && s.ClientTokens.TryGetValue(key, out var earlier))
            {
                return (s, (string)earlier);
            }

            var (next, entry) = RouteWrites.Create(s, request, c.Now, c.Settings.RouteEntryDelay, checkConflict: true);
            c.ThrowIfDryRun();
            return (key is null ? next : next with { ClientTokens = next.ClientTokens.SetItem(key, entry.RouteEntryId) }, entry.RouteEntryId);
        });
        return ApiResult.Of(new CreateRouteEntryResponse(c.RequestId, entryId), VpcJson.Default.CreateRouteEntryResponse);
    }

    /// <summary>By <c>RouteEntryId</c>, or by <c>RouteTableId</c> + <c>DestinationCidrBlock</c> (+ <c>NextHopId</c>).</summary>
    public static ApiResult Delete(ActionContext c)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var entryId = p.NonEmpty("RouteEntryId");
        var tableId = p.NonEmpty("RouteTableId");
        var destination = p.NonEmpty("DestinationCidrBlock");
        if (entryId is null && (tableId is null || destination is null))
        {
            throw CommonErrors.Missing(tableId is null ? "RouteEntryId" : "DestinationCidrBlock");
        }

        c.Store.Update(s =>
        {
            var entry = RouteWrites.Find(s, tableId, entryId, destination, p.NonEmpty("NextHopId"), c.Now);
            var next = RouteWrites.Delete(s, entry, c.Now, c.Settings.RouteEntryDelay, checkConflict: true);
            c.ThrowIfDryRun();
            return next;
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    /// <summary><c>NextHopType</c> (default <c>Instance</c>) + <c>NextHopId</c>, or an ECMP list in <c>NextHopList.N</c>.</summary>
    private static List<RouteNextHop> NextHops(ApiParameters p)
    {
        var list = p.ObjectList("NextHopList")
            .Select(h => new RouteNextHop(h.GetValueOrDefault("NextHopType") ?? "Instance", h.GetValueOrDefault("NextHopId") ?? ""))
            .ToList();
        if (list.Count > 0)
        {
            return list;
        }

        return [new RouteNextHop(p.NonEmpty("NextHopType") ?? "Instance", p.Required("NextHopId"))];
    }
}
