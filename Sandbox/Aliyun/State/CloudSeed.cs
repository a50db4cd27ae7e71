using System.Collections.Immutable;
using System.Globalization;
using Ccm.Sandbox.Demo;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>
/// Builds the starting cloud. <see cref="SeedKind.Demo"/> is exactly <see cref="DemoWorld"/>: one VPC, two vSwitches in
/// two zones, the system route table and two custom ones (each custom table bound to one vSwitch, as a cluster with
/// per-zone tables has them), and one running ECS instance per demo node. <see cref="SeedKind.Empty"/> is the region alone.
/// </summary>
internal static class CloudSeed
{
    /// <summary>Seeded resources carry a fixed creation time, so two seeded emulators answer identically.</summary>
    public static readonly DateTimeOffset SeedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where the cloud's own services live (system route entry with next hop <c>service</c>).</summary>
    public const string CloudServiceCidr = "100.64.0.0/10";

    public static CloudSnapshot Build(SeedKind seed, string regionId)
    {
        var snapshot = new CloudSnapshot { RegionId = regionId };
        return seed == SeedKind.Demo ? Demo(snapshot) : snapshot;
    }

    private static CloudSnapshot Demo(CloudSnapshot s)
    {
        var vpc = new Vpc
        {
            VpcId = DemoWorld.VpcId, VpcName = "sandbox-vpc", CidrBlock = DemoWorld.VpcCidr,
            VRouterId = DemoWorld.VRouterId, CreationTime = SeedTime,
        };
        var customFor = DemoWorld.VSwitches.Select((v, i) => (v.VSwitchId, Table: DemoWorld.CustomRouteTableIds[i])).ToDictionary();
        var vSwitches = DemoWorld.VSwitches.Select(v => new VSwitch
        {
            VSwitchId = v.VSwitchId, VpcId = vpc.VpcId, ZoneId = v.ZoneId, CidrBlock = v.CidrBlock,
            VSwitchName = "sandbox-" + v.ZoneId, RouteTableId = customFor[v.VSwitchId], CreationTime = SeedTime,
        }).ToList();

        s = s with
        {
            Vpcs = s.Vpcs.Add(vpc.VpcId, vpc),
            VSwitches = s.VSwitches.AddRange(vSwitches.Select(v => KeyValuePair.Create(v.VSwitchId, v))),
        };
        s = AddTable(s, vpc, DemoWorld.SystemRouteTableId, "System", "", vSwitches);
        for (var i = 0; i < DemoWorld.CustomRouteTableIds.Count; i++)
        {
            s = AddTable(s, vpc, DemoWorld.CustomRouteTableIds[i], "Custom", "sandbox-custom-" + (i + 1).ToString(CultureInfo.InvariantCulture), vSwitches);
        }

        foreach (var node in DemoWorld.Nodes)
        {
            s = AddInstance(s, node);
        }

        return s;
    }

    /// <summary>Every table holds System entries for the VPC's vSwitch CIDRs and the cloud service range.</summary>
    private static CloudSnapshot AddTable(CloudSnapshot s, Vpc vpc, string id, string type, string name, IReadOnlyList<VSwitch> vSwitches)
    {
        var table = new RouteTable
        {
            RouteTableId = id, VpcId = vpc.VpcId, VRouterId = vpc.VRouterId, RouteTableType = type,
            RouteTableName = name, CreationTime = SeedTime,
        };
        var destinations = vSwitches.Select(v => (v.CidrBlock, Hop: new RouteNextHop("local", "")))
            .Append((CloudServiceCidr, Hop: new RouteNextHop("service", "")));
        foreach (var (cidr, hop) in destinations)
        {
            (var entryId, s) = s.NextId("rte");
            table = table with
            {
                Entries = table.Entries.Add(entryId, new RouteEntry
                {
                    RouteEntryId = entryId, RouteTableId = id, DestinationCidrBlock = cidr, Type = "System",
                    NextHops = [hop], CreatedAt = SeedTime, AvailableAt = SeedTime,
                }),
            };
        }

        return s with { RouteTables = s.RouteTables.Add(id, table) };
    }

    private static CloudSnapshot AddInstance(CloudSnapshot s, DemoNode node)
    {
        (var eniId, s) = s.NextId("eni");
        var mac = "00:16:3e:00:00:" + (s.Instances.Count + 1).ToString("x2", CultureInfo.InvariantCulture);
        var instance = new Instance
        {
            InstanceId = node.InstanceId, InstanceName = node.Name, HostName = node.Name, InstanceType = node.InstanceType,
            ZoneId = node.ZoneId, VpcId = DemoWorld.VpcId, VSwitchId = node.VSwitchId, PrivateIpAddress = node.PrivateIp,
            NetworkInterfaceId = eniId, MacAddress = mac, CreationTime = SeedTime,
        };
        return s with
        {
            Instances = s.Instances.Add(instance.InstanceId, instance),
            NetworkInterfaces = s.NetworkInterfaces.Add(eniId, PrimaryEni(instance, SeedTime)),
        };
    }

    public static NetworkInterface PrimaryEni(Instance instance, DateTimeOffset created) => new()
    {
        NetworkInterfaceId = instance.NetworkInterfaceId, InstanceId = instance.InstanceId, VpcId = instance.VpcId,
        VSwitchId = instance.VSwitchId, ZoneId = instance.ZoneId, PrimaryIpAddress = instance.PrivateIpAddress,
        MacAddress = instance.MacAddress, CreationTime = created, SecurityGroupId = instance.SecurityGroupId,
    };
}
