using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>
/// DescribeNetworkInterfaces: how the CCM finds the ENI behind a pod IP for ENI backends (<c>PrivateIpAddress.N</c>, at
/// most 100, matching primary or secondary addresses; <c>Ipv6Address.N</c> instead with <c>backend-ip-version: ipv6</c>;
/// <c>Status=InUse</c>). Token paging allows <c>MaxResults</c> 10–500.
/// ModifyNetworkInterfaceAttribute: how the CCM turns a node's primary ENI's <c>SourceDestCheck</c> off before it removes
/// the cloud taint (upstream <c>node_controller.go</c>, <c>--skip-disable-source-dest-check</c>); name and description too.
/// </summary>
internal static class NetworkInterfaceActions
{
    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var ids = p.List("NetworkInterfaceId");
        var ips = p.List("PrivateIpAddress");
        var ipv6 = p.List("Ipv6Address");
        if (ids.Count > 100 || ips.Count > 100 || ipv6.Count > 100)
        {
            throw CommonErrors.InvalidParameter(ids.Count > 100 ? "NetworkInterfaceId" : ips.Count > 100 ? "PrivateIpAddress" : "Ipv6Address",
                "At most 100 values are accepted.");
        }

        var tags = p.Tags();
        var enis = s.NetworkInterfaces.Values
            .Where(e => (ids.Count == 0 || ids.Contains(e.NetworkInterfaceId)) && (ips.Count == 0 || e.AllIpAddresses.Any(ips.Contains))
                && (ipv6.Count == 0 || e.Ipv6Addresses.Any(a => ipv6.Contains(a, StringComparer.OrdinalIgnoreCase)))
                && p.Matches("VpcId", e.VpcId) && p.Matches("VSwitchId", e.VSwitchId) && p.Matches("InstanceId", e.InstanceId ?? "")
                && p.Matches("Type", e.Type) && p.Matches("Status", e.Status) && p.Matches("PrimaryIpAddress", e.PrimaryIpAddress)
                && p.Matches("NetworkInterfaceName", e.NetworkInterfaceName) && p.Matches("SecurityGroupId", e.SecurityGroupId))
            .Where(e => e.Tags.HasAll(tags))
            .ToList();
        var page = EcsPaging.Apply(enis, e => e.NetworkInterfaceId, p, minResults: 10, maxResults: 500);
        return ApiResult.Of(
            new DescribeNetworkInterfacesResponse(c.RequestId, page.NextToken, page.PageNumber, page.PageSize, page.TotalCount,
                new NetworkInterfaceSetList([.. page.Items.Select(EcsMapper.NetworkInterface)])),
            EcsJson.Default.DescribeNetworkInterfacesResponse);
    }

    /// <summary>Sets what it is given and leaves the rest; setting a value it already has succeeds unchanged.</summary>
    public static ApiResult ModifyAttribute(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var id = p.Required("NetworkInterfaceId");
        if (p.List("SecurityGroupId").Count > 0)
        {
            throw EcsErrors.SecurityGroupsNotModelled();
        }

        var sourceDestCheck = p.Bool("SourceDestCheck");
        var name = p.NonEmpty("NetworkInterfaceName");
        var description = p.NonEmpty("Description");
        c.Store.Update(s =>
        {
            var eni = s.NetworkInterfaces.GetValueOrDefault(id) ?? throw EcsErrors.NetworkInterfaceNotFound(id);
            var changed = eni with
            {
                SourceDestCheck = sourceDestCheck ?? eni.SourceDestCheck,
                NetworkInterfaceName = name ?? eni.NetworkInterfaceName,
                Description = description ?? eni.Description,
            };
            return s with { NetworkInterfaces = s.NetworkInterfaces.SetItem(id, changed) };
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }
}
