using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Maps state to SLB wire records.</summary>
internal static class SlbMapper
{
    public static SlbTagSet Tags(ImmutableArray<ResourceTag> tags) => new([.. tags.Select(t => new SlbTag(t.Key, t.Value))]);

    public static LoadBalancerItem Item(LoadBalancer lb, string regionId) => Fill(new LoadBalancerItem(), lb, regionId);

    /// <summary>Fills the shared CLB fields of a listing item or of the attribute response (which derives from it).</summary>
    public static T Fill<T>(T target, LoadBalancer lb, string regionId)
        where T : LoadBalancerItem => target with
        {
            LoadBalancerId = lb.LoadBalancerId,
            LoadBalancerName = lb.LoadBalancerName,
            LoadBalancerStatus = lb.LoadBalancerStatus,
            Address = lb.Address,
            AddressType = lb.AddressType,
            AddressIPVersion = lb.AddressIPVersion,
            NetworkType = lb.NetworkType,
            VpcId = lb.VpcId,
            VSwitchId = lb.VSwitchId,
            RegionId = regionId,
            RegionIdAlias = regionId,
            MasterZoneId = lb.MasterZoneId,
            SlaveZoneId = lb.SlaveZoneId,
            LoadBalancerSpec = lb.LoadBalancerSpec,
            InternetChargeType = lb.InternetChargeType,
            InternetChargeTypeAlias = lb.InternetChargeType,
            InstanceChargeType = lb.InstanceChargeType,
            Bandwidth = lb.Bandwidth,
            PayType = lb.PayType,
            CreateTime = WireTime.Seconds(lb.CreateTime),
            CreateTimeStamp = WireTime.UnixMilliseconds(lb.CreateTime),
            DeleteProtection = lb.DeleteProtection,
            ModificationProtectionStatus = lb.ModificationProtectionStatus,
            ModificationProtectionReason = lb.ModificationProtectionReason,
            ResourceGroupId = lb.ResourceGroupId,
            Tags = Tags(lb.Tags),
        };

    public static BackendServerItem Backend(BackendServer b, bool withPort = true) =>
        new(b.ServerId, withPort ? b.Port : null, b.Weight, b.Type, b.ServerIp, b.Description);

    public static BackendServerSet Backends(IEnumerable<BackendServer> backends) => new([.. backends.Select(b => Backend(b))]);

    public static VServerGroupBackendsResponse GroupBackends(string requestId, VServerGroup group, bool withName = false) =>
        new(requestId, group.VServerGroupId, withName ? group.VServerGroupName : null, Backends(group.BackendServers));
}
