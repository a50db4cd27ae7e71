using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>DescribeRouteTableList, the legacy DescribeRouteTables, and DescribeRouteEntryList.</summary>
internal static class RouteTableActions
{
    public static ApiResult DescribeList(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var tags = p.Tags();
        var tables = s.RouteTables.Values
            .Where(t => p.Matches("VpcId", t.VpcId) && p.Matches("RouterId", t.VRouterId) && p.Matches("RouteTableId", t.RouteTableId)
                && p.Matches("RouteTableName", t.RouteTableName) && p.Matches("RouteTableType", t.RouteTableType)
                && p.Matches("RouterType", "VRouter"))
            .Where(t => t.Tags.HasAll(tags))
            .ToList();
        var page = Paging.ByPage(tables, p, defaultSize: 10, maxSize: 50);
        return ApiResult.Of(
            new DescribeRouteTableListResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount,
                new RouterTableList([.. page.Items.Select(t => VpcMapper.ListItem(s, t))])),
            VpcJson.Default.DescribeRouteTableListResponse);
    }

    public static ApiResult DescribeLegacy(ActionContext c)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var s = c.Store.Current;
        var tables = s.RouteTables.Values
            .Where(t => p.Matches("VRouterId", t.VRouterId) && p.Matches("RouterId", t.VRouterId)
                && p.Matches("RouteTableId", t.RouteTableId) && p.Matches("Type", t.RouteTableType)
                && p.Matches("RouteTableName", t.RouteTableName))
            .ToList();
        var page = Paging.ByPage(tables, p, defaultSize: 10, maxSize: 50);
        return ApiResult.Of(
            new DescribeRouteTablesResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount,
                new RouteTableSet([.. page.Items.Select(t => VpcMapper.Legacy(s, t, c.Now))])),
            VpcJson.Default.DescribeRouteTablesResponse);
    }

    /// <summary>
    /// The reference gives <c>MaxResult</c> (singular) a range of 1–100, but the upstream CCM pages with 500 against the
    /// real service, so up to 500 is accepted here rather than breaking it.
    /// </summary>
    public static ApiResult DescribeEntries(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var table = RouteWrites.Table(c.Store.Current, p.Required("RouteTableId"));
        var destinations = p.List("DestCidrBlockList");
        var type = p.NonEmpty("RouteEntryType");
        var entries = table.LiveEntries(c.Now)
            .Where(e => p.Matches("RouteEntryId", e.RouteEntryId) && p.Matches("RouteEntryName", e.RouteEntryName)
                && p.Matches("DestinationCidrBlock", e.DestinationCidrBlock)
                && (type is null || e.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
                && (destinations.Count == 0 || destinations.Contains(e.DestinationCidrBlock))
                && (p.NonEmpty("NextHopId") is not { } hop || e.NextHops.Any(h => h.NextHopId == hop))
                && (p.NonEmpty("NextHopType") is not { } hopType || e.NextHops.Any(h => h.NextHopType == hopType))
                && (p.NonEmpty("IpVersion") is not { } version || version.Equals("IPv4", StringComparison.OrdinalIgnoreCase)));
        var maxResult = Paging.Limit(p, "MaxResult", defaultValue: 10, min: 1, max: 500);
        var page = Paging.ByToken(entries, e => e.RouteEntryId, p.NonEmpty("NextToken"), maxResult);
        return ApiResult.Of(
            new DescribeRouteEntryListResponse(c.RequestId, page.NextToken,
                new RouteEntrySet([.. page.Items.Select(e => VpcMapper.Entry(e, c.Now, c.Settings.RegionId))])),
            VpcJson.Default.DescribeRouteEntryListResponse);
    }
}
