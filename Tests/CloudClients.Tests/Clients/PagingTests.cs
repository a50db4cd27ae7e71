using System.Globalization;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Vpc;

namespace Ccm.CloudClients.Tests.Clients;

/// <summary>Both paging styles, driven through the typed clients against a scripted server.</summary>
public class PagingTests
{
    [Fact]
    public async Task PageNumber_paging_reads_until_TotalCount()
    {
        var handler = new RecordingHandler((r, _) =>
        {
            var page = int.Parse(r.Query["PageNumber"], CultureInfo.InvariantCulture);
            var items = page < 3 ? new[] { $"lb-{page}a", $"lb-{page}b" } : [$"lb-{page}a"];
            var json = string.Join(',', items.Select(id => $$$"""{"LoadBalancerId":"{{{id}}}","Tags":{"Tag":[{"TagKey":"k","TagValue":"v"}]}}"""));
            return RecordingHandler.Ok($$$"""{"RequestId":"r","PageNumber":{{{page}}},"PageSize":2,"TotalCount":5,"LoadBalancers":{"LoadBalancer":[{{{json}}}]}}""");
        });
        var client = new SlbClient(TestClients.Transport(handler));

        var all = await client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { PageSize = 2 }, default).ToListAsync();

        Assert.Equal(["lb-1a", "lb-1b", "lb-2a", "lb-2b", "lb-3a"], all.Select(l => l.LoadBalancerId));
        Assert.Equal(["1", "2", "3"], handler.Requests.Select(r => r.Query["PageNumber"]));
        Assert.All(handler.Requests, r => Assert.Equal("2", r.Query["PageSize"]));
        Assert.Equal(new Tag("k", "v"), all[0].Tags[0]);
    }

    [Fact]
    public async Task NextToken_paging_follows_tokens_and_sends_MaxResult_singular_for_route_entries()
    {
        var handler = new RecordingHandler((r, i) =>
        {
            var next = i < 2 ? $"\"NextToken\":\"t{i + 1}\"," : "\"NextToken\":\"\",";
            return RecordingHandler.Ok($$$"""{"RequestId":"r",{{{next}}}"RouteEntrys":{"RouteEntry":[{"RouteEntryId":"rte-{{{i}}}","DestinationCidrBlock":"172.20.{{{i}}}.0/24","Type":"Custom","NextHops":{"NextHop":[{"NextHopType":"Instance","NextHopId":"i-{{{i}}}"}]}}]}}""");
        });
        var client = new VpcClient(TestClients.Transport(handler, CloudProduct.Vpc));

        var entries = await client.DescribeRouteEntryListAsync(new DescribeRouteEntryListRequest { RouteTableId = "vtb-1", MaxResult = 1 }, default).ToListAsync();

        Assert.Equal(["rte-0", "rte-1", "rte-2"], entries.Select(e => e.RouteEntryId));
        Assert.Equal("i-2", entries[2].NextHops[0].NextHopId);
        Assert.False(handler.Requests[0].Query.ContainsKey("NextToken"));
        Assert.Equal(["t1", "t2"], handler.Requests.Skip(1).Select(r => r.Query["NextToken"]));
        Assert.All(handler.Requests, r => Assert.Equal("1", r.Query["MaxResult"]));
    }

    [Fact]
    public async Task A_repeated_NextToken_stops_instead_of_looping()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok("""{"RequestId":"r","NextToken":"same","Instances":{"Instance":[]}}"""));
        var client = new EcsClient(TestClients.Transport(handler, CloudProduct.Ecs));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.DescribeInstancesAsync(new DescribeInstancesRequest(), default).ToListAsync());
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Pages_are_fetched_only_as_they_are_consumed()
    {
        var handler = new RecordingHandler((_, i) => RecordingHandler.Ok($$"""{"RequestId":"r","NextToken":"t{{i + 1}}","Listeners":[{"LoadBalancerId":"lb","ListenerPort":{{80 + i}},"ListenerProtocol":"tcp"}]}"""));
        var client = new SlbClient(TestClients.Transport(handler));

        var first = await client.DescribeLoadBalancerListenersAsync(new DescribeLoadBalancerListenersRequest { LoadBalancerIds = ["lb"] }, default).FirstAsync();

        Assert.Equal(80, first.ListenerPort);
        Assert.Single(handler.Requests);
    }
}
