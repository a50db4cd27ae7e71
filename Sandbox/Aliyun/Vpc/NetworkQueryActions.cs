using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>DescribeVpcs, DescribeVpcAttribute and DescribeVSwitches.</summary>
internal static class NetworkQueryActions
{
    public static ApiResult DescribeVpcs(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var ids = p.NonEmpty("VpcId")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids is { Length: > 20 })
        {
            throw CommonErrors.InvalidParameter("VpcId", "At most 20 VPC ids are accepted.");
        }

        var tags = p.Tags();
        var vpcs = s.Vpcs.Values
            .Where(v => (ids is null || ids.Contains(v.VpcId)) && (p.NonEmpty("VpcName") is not { } name || v.VpcName == name)
                && (p.Bool("IsDefault") is not { } isDefault || v.IsDefault == isDefault))
            .Where(v => v.Tags.HasAll(tags))
            .ToList();
        var page = Paging.ByPage(vpcs, p, defaultSize: 10, maxSize: 50);
        return ApiResult.Of(
            new DescribeVpcsResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount, new VpcSet([.. page.Items.Select(v => VpcMapper.Vpc(s, v))])),
            VpcJson.Default.DescribeVpcsResponse);
    }

    public static ApiResult DescribeVpcAttribute(ActionContext c)
    {
        c.CheckRegion(required: true);
        var s = c.Store.Current;
        var v = s.Vpcs.GetValueOrDefault(c.Parameters.Required("VpcId")) ?? throw VpcErrors.VpcNotFound();
        return ApiResult.Of(
            new DescribeVpcAttributeResponse(c.RequestId, v.VpcId, v.VpcName, s.RegionId, v.Status, v.CidrBlock, v.VRouterId,
                WireTime.Seconds(v.CreationTime), v.Description, v.IsDefault, ClassicLinkEnabled: false, EnabledIpv6: false, Ipv6CidrBlock: "",
                VpcMapper.ResourceGroupId, VpcMapper.VSwitchIdsOf(s, w => w.VpcId == v.VpcId), new SecondaryCidrBlockSet([]),
                new Ipv6CidrBlockSet([]), new UserCidrSet([]), VpcMapper.Tags(v.Tags)),
            VpcJson.Default.DescribeVpcAttributeResponse);
    }

    public static ApiResult DescribeVSwitches(ActionContext c)
    {
        c.CheckRegion();
        var p = c.Parameters;
        var s = c.Store.Current;
        var tags = p.Tags();
        var vSwitches = s.VSwitches.Values
            .Where(v => p.Matches("VpcId", v.VpcId) && p.Matches("VSwitchId", v.VSwitchId) && p.Matches("ZoneId", v.ZoneId)
                && p.Matches("VSwitchName", v.VSwitchName) && p.Matches("RouteTableId", v.RouteTableId))
            .Where(v => v.Tags.HasAll(tags))
            .ToList();
        var page = Paging.ByPage(vSwitches, p, defaultSize: 10, maxSize: 50);
        return ApiResult.Of(
            new DescribeVSwitchesResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount,
                new VSwitchSet([.. page.Items.Select(v => VpcMapper.VSwitch(s, v))])),
            VpcJson.Default.DescribeVSwitchesResponse);
    }
}
