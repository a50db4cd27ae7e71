using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Vpc;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>Both paging styles across at least three pages, against the emulator.</summary>
public class PaginationAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Load_balancers_page_by_PageNumber()
    {
        var slb = fixture.CreateClients().Slb;
        var tag = new Tag("paging", "pn");
        for (var i = 0; i < 7; i++)
        {
            await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = $"page-lb-{i}", LoadBalancerName = $"a-page-{i}", Tags = [tag] }, default);
        }

        var calls = fixture.Emulator.Calls.Of("DescribeLoadBalancers").Count;
        var all = await slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Tags = [tag], PageSize = 2 }, default).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"a-page-{i}").Order(), all.Select(l => l.LoadBalancerName ?? "").Order());
        await fixture.CallsAsync("DescribeLoadBalancers", c => c.Count - calls == 4, "four pages of two were asked for");
    }

    [Fact]
    public async Task Listeners_page_by_NextToken()
    {
        var slb = fixture.CreateClients().Slb;
        var lb = await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "page-listeners", LoadBalancerName = "a-page-listeners" }, default);
        foreach (var port in new[] { 80, 81, 82, 83 })
        {
            await slb.CreateLoadBalancerTCPListenerAsync(new CreateLoadBalancerTCPListenerRequest { LoadBalancerId = lb.LoadBalancerId, ListenerPort = port, Bandwidth = -1, BackendServerPort = 30000 + port }, default);
        }

        var calls = fixture.Emulator.Calls.Of("DescribeLoadBalancerListeners").Count;
        var listeners = await slb.DescribeLoadBalancerListenersAsync(new DescribeLoadBalancerListenersRequest { LoadBalancerIds = [lb.LoadBalancerId], MaxResults = 1 }, default).ToListAsync();

        Assert.Equal([80, 81, 82, 83], listeners.Select(l => l.ListenerPort).Order());
        await fixture.CallsAsync("DescribeLoadBalancerListeners", c => c.Count - calls >= 4, "at least four pages of one were asked for");
    }

    [Fact]
    public async Task Route_entries_page_by_NextToken_with_MaxResult()
    {
        var vpc = fixture.CreateClients().Vpc;
        var tableId = DemoWorld.CustomRouteTableIds[0];
        for (var i = 0; i < 5; i++)
        {
            fixture.Emulator.Cloud.AddForeignRouteEntry(tableId, $"10.250.{i}.0/24", DemoWorld.Nodes[0].InstanceId);
        }

        var calls = fixture.Emulator.Calls.Of("DescribeRouteEntryList").Count;
        var entries = await vpc.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = tableId, RouteEntryType = "Custom", MaxResult = 2 }, default).ToListAsync();

        Assert.Equal(5, entries.Count(e => e.DestinationCidrBlock.StartsWith("10.250.", StringComparison.Ordinal)));
        await fixture.CallsAsync("DescribeRouteEntryList", c => c.Count - calls >= 3, "at least three pages of two were asked for");
    }

    [Fact]
    public async Task Instances_page_by_NextToken_with_MaxResults()
    {
        var ecs = fixture.CreateClients().Ecs;

        var calls = fixture.Emulator.Calls.Of("DescribeInstances").Count;
        var instances = await ecs.DescribeInstancesAsync(new DescribeInstancesRequest { VpcId = DemoWorld.VpcId, MaxResults = 1 }, default).ToListAsync();

        Assert.Superset(DemoWorld.Nodes.Select(n => n.InstanceId).ToHashSet(), instances.Select(i => i.InstanceId).ToHashSet());
        await fixture.CallsAsync("DescribeInstances", c => c.Count - calls >= 3, "at least three pages of one were asked for");
    }
}
