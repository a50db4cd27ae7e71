using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>
/// DescribeInstances. <c>InstanceIds</c> and <c>PrivateIpAddresses</c> are JSON array strings of at most 100 (how the CCM
/// maps nodes to instances); tag filters match on the key alone when no value is given, as the CCM's cluster-tag filter needs.
/// </summary>
internal static class InstanceActions
{
    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var ids = JsonParameter.StringArray(p, "InstanceIds", 100);
        var ips = JsonParameter.StringArray(p, "PrivateIpAddresses", 100);
        var innerIps = JsonParameter.StringArray(p, "InnerIpAddresses", 100);
        // No instance has a public address, so filtering on one finds nothing; EIPs are those bound to the instance.
        var publicFilter = JsonParameter.StringArray(p, "PublicIpAddresses", 100);
        var eipFilter = JsonParameter.StringArray(p, "EipAddresses", 100);
        var status = p.NonEmpty("Status");
        if (status is not null && !InstanceValues.Statuses.Contains(status))
        {
            throw CommonErrors.InvalidParameter("Status", "The specified Status is not valid; use Pending, Running, Starting, Stopping or Stopped.");
        }

        var tags = p.Tags();
        var instances = s.Instances.Values
            .Where(i => (ids is null || ids.Contains(i.InstanceId)) && (ips is null || ips.Contains(i.PrivateIpAddress))
                && (innerIps is null || innerIps.Count == 0) && (publicFilter is null || publicFilter.Count == 0)
                && (eipFilter is null || eipFilter.Count == 0 || eipFilter.Contains(EcsMapper.BoundEip(s, i.InstanceId, c.Now)?.IpAddress ?? ""))
                && (status is null || i.Status == status)
                && p.Matches("VpcId", i.VpcId) && p.Matches("VSwitchId", i.VSwitchId) && p.Matches("ZoneId", i.ZoneId)
                && p.Matches("InstanceName", i.InstanceName) && p.Matches("InstanceType", i.InstanceType)
                && p.Matches("SecurityGroupId", i.SecurityGroupId) && p.Matches("InstanceChargeType", i.InstanceChargeType)
                && (p.NonEmpty("InstanceNetworkType") is not { } network || network == "vpc"))
            .Where(i => i.Tags.HasAll(tags))
            .ToList();
        var page = EcsPaging.Apply(instances, i => i.InstanceId, p, minResults: 1, maxResults: 100);
        var tokenRequired = c.Settings.MetadataTokenRequired;
        return ApiResult.Of(
            new DescribeInstancesResponse(c.RequestId, page.NextToken, page.PageNumber, page.PageSize, page.TotalCount,
                new InstanceSet([.. page.Items.Select(i => EcsMapper.Instance(s, i, tokenRequired, c.Now))])),
            EcsJson.Default.DescribeInstancesResponse);
    }
}
