using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>The state changes behind <see cref="CloudControl"/>'s network operations.</summary>
internal static class NetworkChanges
{
    public static (CloudSnapshot, VSwitch) AddVpc(CloudSnapshot s, string cidrBlock, string vSwitchCidrBlock, string zoneId, DateTimeOffset now)
    {
        var vpcCidr = Ipv4Cidr.Parse(cidrBlock);
        if (!vpcCidr.Contains(Ipv4Cidr.Parse(vSwitchCidrBlock)))
        {
            throw new ArgumentException($"{vSwitchCidrBlock} is not inside {cidrBlock}");
        }

        (var vpcId, s) = s.NextId("vpc");
        (var routerId, s) = s.NextId("vrt");
        (var tableId, s) = s.NextId("vtb");
        (var vSwitchId, s) = s.NextId("vsw");
        (var entryId, s) = s.NextId("rte");
        var vpc = new State.Vpc { VpcId = vpcId, VpcName = vpcId, CidrBlock = vpcCidr.ToString(), VRouterId = routerId, CreationTime = now };
        var vSwitch = new VSwitch
        {
            VSwitchId = vSwitchId, VpcId = vpcId, ZoneId = zoneId, CidrBlock = vSwitchCidrBlock, VSwitchName = vSwitchId,
            RouteTableId = tableId, CreationTime = now,
        };
        var local = new RouteEntry
        {
            RouteEntryId = entryId, RouteTableId = tableId, DestinationCidrBlock = vSwitchCidrBlock, Type = "System",
            NextHops = [new RouteNextHop("local", "")], CreatedAt = now, AvailableAt = now,
        };
        var table = new RouteTable
        {
            RouteTableId = tableId, VpcId = vpcId, VRouterId = routerId, RouteTableType = "System", CreationTime = now,
            Entries = CloudSnapshot.Empty<RouteEntry>().Add(entryId, local),
        };
        return (s with
        {
            Vpcs = s.Vpcs.Add(vpcId, vpc),
            VSwitches = s.VSwitches.Add(vSwitchId, vSwitch),
            RouteTables = s.RouteTables.Add(tableId, table),
        }, vSwitch);
    }
}
