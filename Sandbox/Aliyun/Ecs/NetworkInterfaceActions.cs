using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>
/// DescribeNetworkInterfaces: how the CCM finds the ENI behind a pod IP for ENI backends (<c>PrivateIpAddress.N</c>, at
/// most 100, matching primary or secondary addresses; <c>Status=InUse</c>). Token paging allows <c>MaxResults</c> 10–500.
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
        if (ids.Count > 100 || ips.Count > 100)
        {
            throw CommonErrors.InvalidParameter(ids.Count > 100 ? "NetworkInterfaceId" : "PrivateIpAddress", "At most 100 values are accepted.");
        }

        var ipv6 = p.List("Ipv6Address");
        var tags = p.Tags();
        var enis = s.NetworkInterfaces.Values
            .Where(e => (ids.Count == 0 || ids.Contains(e.NetworkInterfaceId)) && (ips.Count == 0 || e.AllIpAddresses.Any(ips.Contains))
                && ipv6.Count == 0
                && Matches(p, "VpcId", e.VpcId) && Matches(p, "VSwitchId", e.VSwitchId) && Matches(p, "InstanceId", e.InstanceId ?? "")
                && Matches(p, "Type", e.Type) && Matches(p, "Status", e.Status) && Matches(p, "PrimaryIpAddress", e.PrimaryIpAddress)
                && Matches(p, "NetworkInterfaceName", e.NetworkInterfaceName) && Matches(p, "SecurityGroupId", e.SecurityGroupId))
            .Where(e => tags.All(w => e.Tags.Any(t => t.Key == w.Key && (string.IsNullOrEmpty(w.Value) || t.Value == w.Value))))
            .ToList();
        var page = EcsPaging.Apply(enis, e => e.NetworkInterfaceId, p, minResults: 10, maxResults: 500);
        return ApiResult.Of(
            new DescribeNetworkInterfacesResponse(c.RequestId, page.NextToken, page.PageNumber, page.PageSize, page.TotalCount,
                new NetworkInterfaceSetList([.. page.Items.Select(EcsMapper.NetworkInterface)])),
            EcsJson.Default.DescribeNetworkInterfacesResponse);
    }

    private static bool Matches(ApiParameters p, string name, string value) => p.NonEmpty(name) is not { } wanted || wanted == value;
}
