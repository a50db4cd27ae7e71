using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>Every VPC and ECS action the CCM uses, against the emulator's demo world over HTTP.</summary>
public class VpcEcsAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(SignatureVersion.V2, 0)]
    [InlineData(SignatureVersion.V3, 1)]
    public async Task Route_entries_are_created_listed_and_deleted(SignatureVersion version, int table)
    {
        var vpc = fixture.CreateClients(Clients.Signing(version)).Vpc;
        var tableId = DemoWorld.CustomRouteTableIds[table];
        var node = DemoWorld.Nodes[0];

        var created = await vpc.CreateRouteEntryAsync(new CreateRouteEntryRequest
        {
            ClientToken = $"route-{tableId}-{node.PodCidr}", RouteTableId = tableId, DestinationCidrBlock = node.PodCidr, NextHopId = node.InstanceId,
        }, default);
        Assert.StartsWith("rte-", created.RouteEntryId);

        // Creates are asynchronous: Pending first, Available a moment later.
        var entry = await Eventually.ValueAsync(
            async () => (await Entries(vpc, tableId)).SingleOrDefault(e => e.DestinationCidrBlock == node.PodCidr),
            e => e?.Status == "Available", "the new route entry becomes Available");
        Assert.Equal(("Custom", "Instance", node.InstanceId), (entry!.Type, entry.NextHops[0].NextHopType, entry.NextHops[0].NextHopId));

        // Not idempotent, but TaskConflict/IncorrectRouteEntryStatus (the first create still Pending) prove it was not
        // applied, so the transport retries them until the VPC is idle.
        var batch = await vpc.CreateRouteEntriesAsync(new CreateRouteEntriesRequest(
            [.. DemoWorld.Nodes.Skip(1).Select(n => new RouteEntrySpec(tableId, n.PodCidr, n.InstanceId))]), default);
        Assert.Equal((2, 0), (batch.SuccessCount, batch.FailedCount));
        await Eventually.TrueAsync(async () => (await Entries(vpc, tableId)).Count(e => e.Type == "Custom" && e.Status == "Available") == 3, "all three routes Available");

        await vpc.DeleteRouteEntryAsync(new DeleteRouteEntryRequest { RouteTableId = tableId, DestinationCidrBlock = node.PodCidr, NextHopId = node.InstanceId }, default);
        var deleted = await vpc.DeleteRouteEntriesAsync(new DeleteRouteEntriesRequest(
            [.. DemoWorld.Nodes.Skip(1).Select(n => new RouteEntryRef(tableId) { DstCidrBlock = n.PodCidr, NextHop = n.InstanceId })]), default);
        Assert.Equal(2, deleted.SuccessCount);
        await Eventually.TrueAsync(async () => !(await Entries(vpc, tableId)).Any(e => e.Type == "Custom"), "custom routes gone");
    }

    [Fact]
    public async Task VPC_description_actions_return_the_demo_world()
    {
        var vpc = fixture.CreateClients().Vpc;

        var vpcs = await vpc.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [DemoWorld.VpcId] }, default).ToListAsync();
        var attribute = await vpc.DescribeVpcAttributeAsync(DemoWorld.VpcId, default);
        var vSwitches = await vpc.DescribeVSwitchesAsync(new DescribeVSwitchesRequest { VpcId = DemoWorld.VpcId }, default).ToListAsync();
        var tables = await vpc.DescribeRouteTableListAsync(new DescribeRouteTableListRequest { VpcId = DemoWorld.VpcId }, default).ToListAsync();

        Assert.Equal(DemoWorld.VpcCidr, Assert.Single(vpcs).CidrBlock);
        Assert.Equal((DemoWorld.VpcCidr, DemoWorld.VRouterId), (attribute.CidrBlock, attribute.VRouterId));
        Assert.Equal(DemoWorld.VSwitches.Select(v => (v.VSwitchId, v.ZoneId)).Order(), vSwitches.Select(v => (v.VSwitchId, v.ZoneId ?? "")).Order());
        Assert.Equal([.. DemoWorld.CustomRouteTableIds, DemoWorld.SystemRouteTableId], tables.Select(t => t.RouteTableId).Order());
    }

    [Fact]
    public async Task EIPs_bound_to_a_load_balancer_are_found()
    {
        var eip = fixture.Emulator.Cloud.AddEipAddress("47.100.0.9", "lb-eip-owner", "SlbInstance");

        var found = await fixture.CreateClients().Vpc.DescribeEipAddressesAsync(
            new DescribeEipAddressesRequest { AssociatedInstanceId = "lb-eip-owner", AssociatedInstanceType = "SlbInstance" }, default).ToListAsync();

        Assert.Equal((eip.AllocationId, "47.100.0.9"), (Assert.Single(found).AllocationId, found[0].IpAddress));
    }

    [Fact]
    public async Task Instances_are_found_by_id_by_private_ip_and_by_VPC()
    {
        var ecs = fixture.CreateClients().Ecs;
        var node = DemoWorld.Nodes[2];

        var byId = await ecs.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [node.InstanceId] }, default).ToListAsync();
        var byIp = await ecs.DescribeInstancesAsync(new DescribeInstancesRequest { PrivateIpAddresses = [node.PrivateIp] }, default).ToListAsync();
        var byVpc = await ecs.DescribeInstancesAsync(new DescribeInstancesRequest { VpcId = DemoWorld.VpcId }, default).ToListAsync();

        var instance = Assert.Single(byId);
        Assert.Equal((node.ZoneId, node.InstanceType, "Running"), (instance.ZoneId, instance.InstanceType, instance.Status));
        Assert.Equal([node.PrivateIp], instance.VpcAttributes!.PrivateIpAddress);
        Assert.Equal(node.InstanceId, Assert.Single(byIp).InstanceId);
        Assert.Superset(DemoWorld.Nodes.Select(n => n.InstanceId).ToHashSet(), byVpc.Select(i => i.InstanceId).ToHashSet());
    }

    [Fact]
    public async Task Network_interfaces_are_found_by_private_ip()
    {
        var ecs = fixture.CreateClients().Ecs;

        var enis = await ecs.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            PrivateIpAddresses = [DemoWorld.Nodes[0].PrivateIp, DemoWorld.Nodes[1].PrivateIp], Status = "InUse",
        }, default).ToListAsync();

        Assert.Equal(DemoWorld.Nodes.Take(2).Select(n => n.InstanceId).Order(), enis.Select(e => e.InstanceId ?? "").Order());
    }

    [Fact]
    public async Task Network_interfaces_are_found_by_IPv6_address_for_IPv6_backends()
    {
        var pod = fixture.Emulator.Cloud.AddNetworkInterface(DemoWorld.VSwitches[1].VSwitchId, "192.168.16.240", ipv6Addresses: ["2001:db8:1::240"]);

        var enis = await fixture.CreateClients().Ecs.DescribeNetworkInterfacesAsync(
            new DescribeNetworkInterfacesRequest { Ipv6Addresses = ["2001:db8:1::240"], Status = "InUse" }, default).ToListAsync();

        Assert.Equal((pod.NetworkInterfaceId, "2001:db8:1::240"), (Assert.Single(enis).NetworkInterfaceId, enis[0].Ipv6Sets.Single().Ipv6Address));
    }

    [Fact]
    public async Task Instances_carry_what_upstream_copies_to_node_labels()
    {
        var added = fixture.Emulator.Cloud.AddInstance(new()
        {
            InstanceChargeType = "PrePaid", SpotStrategy = "SpotAsPriceGo",
            Tags = new Dictionary<string, string> { [Instance.NodePoolIdTagKey] = "np-labels" },
        });

        var instance = Assert.Single(await fixture.CreateClients().Ecs.DescribeInstancesAsync(
            new DescribeInstancesRequest { InstanceIds = [added.InstanceId] }, default).ToListAsync());

        Assert.Equal(("PrePaid", "SpotAsPriceGo", "np-labels"), (instance.InstanceChargeType, instance.SpotStrategy, instance.NodePoolId));
        Assert.Equal(added.NetworkInterfaceId, instance.PrimaryNetworkInterfaceId);
    }

    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task The_primary_ENI_source_destination_check_is_turned_off(SignatureVersion version)
    {
        var ecs = fixture.CreateClients(Clients.Signing(version)).Ecs;
        var eni = fixture.Emulator.Cloud.AddInstance(new()).NetworkInterfaceId;
        var read = async () => Assert.Single(await ecs.DescribeNetworkInterfacesAsync(
            new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [eni] }, default).ToListAsync()).SourceDestCheck;
        Assert.True(await read());

        await ecs.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni, SourceDestCheck = false }, default);

        Assert.False(await read());
    }

    [Fact]
    public async Task An_unknown_ENI_is_a_terminal_not_found()
    {
        var ecs = fixture.CreateClients().Ecs;

        var error = await Assert.ThrowsAsync<OpenApiException>(() =>
            ecs.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = "eni-none", SourceDestCheck = false }, default));

        Assert.Equal(("InvalidEniId.NotFound", (int?)404, false), (error.Code, error.HttpStatus, error.IsRetryable));
    }

    private static async Task<List<RouteEntry>> Entries(IVpcClient vpc, string tableId) =>
        await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = tableId }, default).ToListAsync();
}
