using Ccm.Sandbox.Demo;
using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class VpcQueryTests
{
    [Fact]
    public async Task The_demo_seed_is_the_demo_world()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var vpcs = (await f.Client.V2(SignedClient.Vpc, "DescribeVpcs", P())).Ok();
        var vpc = Assert.Single(vpcs["Vpcs"].GetProperty("Vpc").EnumerateArray());
        Assert.Equal((DemoWorld.VpcId, DemoWorld.VpcCidr, DemoWorld.VRouterId),
            (vpc.GetProperty("VpcId").GetString(), vpc.GetProperty("CidrBlock").GetString(), vpc.GetProperty("VRouterId").GetString()));
        Assert.Equal(DemoWorld.VSwitches.Select(v => v.VSwitchId), vpc.GetProperty("VSwitchIds").GetProperty("VSwitchId").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal([.. DemoWorld.CustomRouteTableIds, DemoWorld.SystemRouteTableId],
            vpc.GetProperty("RouterTableIds").GetProperty("RouterTableIds").EnumerateArray().Select(v => v.GetString()));

        var vSwitches = (await f.Client.V2(SignedClient.Vpc, "DescribeVSwitches", P(("VpcId", DemoWorld.VpcId)))).Ok();
        var listed = vSwitches["VSwitches"].GetProperty("VSwitch").EnumerateArray()
            .Select(v => (v.GetProperty("VSwitchId").GetString(), v.GetProperty("ZoneId").GetString(), v.GetProperty("CidrBlock").GetString(),
                v.GetProperty("RouteTable").GetProperty("RouteTableType").GetString()));
        Assert.Equal(DemoWorld.VSwitches.Select(v => ((string?)v.VSwitchId, (string?)v.ZoneId, (string?)v.CidrBlock, (string?)"Custom")), listed);
        var instances = (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P())).Ok();
        Assert.Equal(DemoWorld.Nodes.Select(n => n.InstanceId),
            instances["Instances"].GetProperty("Instance").EnumerateArray().Select(i => i.GetProperty("InstanceId").GetString()));
    }

    [Fact]
    public async Task The_empty_seed_has_no_network()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o with { Seed = SeedKind.Empty });
        Assert.Equal(0, (await f.Client.V2(SignedClient.Vpc, "DescribeVpcs", P())).Ok()["TotalCount"].GetInt32());
        Assert.Equal(0, (await f.Client.V2(SignedClient.Ecs, "DescribeInstances", P())).Ok()["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task Route_tables_are_listed_under_the_APIs_own_wrapper_names()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var list = (await f.Client.V3(SignedClient.Vpc, "DescribeRouteTableList", P(("VpcId", DemoWorld.VpcId), ("RouteTableType", "System")))).Ok();
        var table = Assert.Single(list["RouterTableList"].GetProperty("RouterTableListType").EnumerateArray());
        Assert.Equal((DemoWorld.SystemRouteTableId, DemoWorld.VRouterId, "VRouter"),
            (table.GetProperty("RouteTableId").GetString(), table.GetProperty("RouterId").GetString(), table.GetProperty("RouterType").GetString()));

        var legacy = (await f.Client.V2(SignedClient.Vpc, "DescribeRouteTables", P(("RouteTableId", DemoWorld.CustomRouteTableIds[0])))).Ok();
        var entries = legacy["RouteTables"].GetProperty("RouteTable")[0].GetProperty("RouteEntrys").GetProperty("RouteEntry").EnumerateArray()
            .Select(e => (e.GetProperty("DestinationCidrBlock").GetString(), e.GetProperty("Type").GetString(), e.GetProperty("Status").GetString()));
        Assert.Equal([("192.168.0.0/20", "System", "Available"), ("192.168.16.0/20", "System", "Available"), ("100.64.0.0/10", "System", "Available")], entries);
        (await f.Client.V2(SignedClient.Vpc, "DescribeRouteTableList", P(("PageSize", "51")))).Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task VPC_attributes_and_EIPs_are_described()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var attribute = (await f.Client.V2(SignedClient.Vpc, "DescribeVpcAttribute", P(("VpcId", DemoWorld.VpcId)))).Ok();
        Assert.Equal(DemoWorld.VpcCidr, attribute["CidrBlock"].GetString());
        (await f.Client.V2(SignedClient.Vpc, "DescribeVpcAttribute", P(("VpcId", "vpc-none")))).Fails(404, "InvalidVpcID.NotFound");
        var eip = f.Emulator.Cloud.AddEipAddress("203.0.113.77", Node(0));
        var eips = (await f.Client.V2(SignedClient.Vpc, "DescribeEipAddresses", P(("AllocationId", eip.AllocationId)))).Ok();
        var listed = Assert.Single(eips["EipAddresses"].GetProperty("EipAddress").EnumerateArray());
        Assert.Equal(("203.0.113.77", "InUse", Node(0), "5"), (listed.GetProperty("IpAddress").GetString(), listed.GetProperty("Status").GetString(),
            listed.GetProperty("InstanceId").GetString(), listed.GetProperty("Bandwidth").GetString()));
    }

    [Fact]
    public async Task A_RegionId_other_than_the_emulated_one_is_refused()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var parameters = P();
        parameters["RegionId"] = "us-west-1";
        (await f.Client.V2(SignedClient.Vpc, "DescribeVpcs", parameters)).Fails(400, "InvalidRegionId");
        parameters.Remove("RegionId");
        (await f.Client.V2(SignedClient.Vpc, "DescribeVpcs", parameters)).Fails(400, "MissingRegionId");
    }
}
