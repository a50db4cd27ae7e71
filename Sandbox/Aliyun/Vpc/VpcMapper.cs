using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>Maps state to VPC wire records.</summary>
internal static class VpcMapper
{
    public const string ResourceGroupId = "rg-acfmsandbox0000001";

    public static VpcTagSet Tags(ImmutableArray<ResourceTag> tags) => new([.. tags.Select(t => new VpcTag(t.Key, t.Value))]);

    public static VSwitchIdSet VSwitchIdsOf(CloudSnapshot s, Func<VSwitch, bool> predicate) =>
        new([.. s.VSwitches.Values.Where(predicate).Select(v => v.VSwitchId)]);

    public static RouterTableListType ListItem(CloudSnapshot s, RouteTable t) => new(
        t.RouteTableId, t.RouteTableName, t.RouteTableType, t.VRouterId, "VRouter", t.VpcId, "Available",
        WireTime.Seconds(t.CreationTime), t.Description, ResourceGroupId, RoutePropagationEnable: true,
        VSwitchIdsOf(s, v => v.RouteTableId == t.RouteTableId), Tags(t.Tags));

    public static LegacyRouteTable Legacy(CloudSnapshot s, RouteTable t, DateTimeOffset now) => new(
        t.RouteTableId, t.RouteTableType, t.VRouterId, "Available", WireTime.Seconds(t.CreationTime), ResourceGroupId,
        VSwitchIdsOf(s, v => v.RouteTableId == t.RouteTableId),
        new RouteEntrySet([.. t.LiveEntries(now).Select(e => Entry(e, now, s.RegionId, legacy: true))]));

    public static RouteEntryItem Entry(RouteEntry e, DateTimeOffset now, string regionId, bool legacy = false)
    {
        var single = e.NextHops.Length == 1 ? e.NextHops[0] : null;
        var hops = new NextHopSet([.. e.NextHops.Select(h => new NextHopItem(
            h.NextHopType, h.NextHopId, Enabled: 1, Weight: e.NextHops.Length > 1 ? 100 : null,
            legacy ? null : regionId,
            legacy || h.NextHopType != "Instance" ? null : new NextHopRelatedInfo(h.NextHopId, "Instance", regionId)))]);
        return new RouteEntryItem(
            e.RouteEntryId, e.RouteEntryName, e.RouteTableId, e.DestinationCidrBlock, e.Type, e.Status(now), e.Description, hops,
            legacy ? null : "IPv4", legacy ? null : WireTime.Seconds(e.CreatedAt),
            legacy ? single?.NextHopId ?? "" : null, legacy ? single?.NextHopType ?? "" : null);
    }

    public static VpcItem Vpc(CloudSnapshot s, State.Vpc v) => new(
        v.VpcId, v.VpcName, s.RegionId, v.Status, v.CidrBlock, v.VRouterId, WireTime.Seconds(v.CreationTime), v.Description,
        v.IsDefault, Ipv6CidrBlock: "", EnabledIpv6: false, ResourceGroupId,
        VSwitchIdsOf(s, w => w.VpcId == v.VpcId),
        new RouterTableIdSet([.. s.RouteTables.Values.Where(t => t.VpcId == v.VpcId).Select(t => t.RouteTableId)]),
        new SecondaryCidrBlockSet([]), new UserCidrSet([]), new NatGatewayIdSet([]), Tags(v.Tags));

    public static VSwitchItem VSwitch(CloudSnapshot s, VSwitch v)
    {
        var table = s.RouteTables.GetValueOrDefault(v.RouteTableId);
        return new VSwitchItem(v.VSwitchId, v.VSwitchName, v.VpcId, v.ZoneId, v.CidrBlock, v.Status, WireTime.Seconds(v.CreationTime),
            Description: "", IsDefault: false, FreeAddresses(s, v), ResourceGroupId,
            new VSwitchRouteTable(v.RouteTableId, table?.RouteTableType ?? "System"), Tags(v.Tags));
    }

    public static EipAddressItem Eip(EipAddress e, string regionId, DateTimeOffset now) => new(
        e.AllocationId, e.IpAddress, e.Status(now), e.InstanceId ?? "", e.InstanceType ?? "", e.InstanceId is null ? "" : regionId, regionId,
        e.Bandwidth, e.Bandwidth, e.InternetChargeType, e.InstanceChargeType, WireTime.Seconds(e.AllocationTime), ExpiredTime: "", e.Name,
        e.Description, e.ISP, Mode: "NAT", Netmode: "public", e.ResourceGroupId, DeletionProtection: false, new LockReasonSet([]), Tags(e.Tags));

    /// <summary>The block's size less the 4 addresses the VPC reserves and the addresses in use by ENIs and CLBs.</summary>
    private static long FreeAddresses(CloudSnapshot s, VSwitch v)
    {
        var cidr = Ipv4Cidr.Parse(v.CidrBlock);
        var used = s.NetworkInterfaces.Values.Where(e => e.VSwitchId == v.VSwitchId).Sum(e => 1 + e.SecondaryIpAddresses.Length)
            + s.LoadBalancers.Values.Count(lb => lb.VSwitchId == v.VSwitchId);
        return (1L << (32 - cidr.PrefixLength)) - 4 - used;
    }
}
