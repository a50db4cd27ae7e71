using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Vpc;

namespace Ccm.CloudClients.Tests.Clients;

/// <summary>Responses in the API's exact shapes, including its own spellings and its string-or-number leniency.</summary>
public class ResponseParsingTests
{
    [Fact]
    public async Task LoadBalancerAttribute_reads_the_misspelt_and_wrapped_lists()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok("""
            {"RequestId":"r1","LoadBalancerId":"lb-1","Address":"47.0.0.1","DeleteProtection":"on","Bandwidth":"5120",
             "ListenerPorts":{"ListenerPort":[80,443]},
             "ListenerPortsAndProtocal":{"ListenerPortAndProtocal":[{"ListenerPort":80,"ListenerProtocal":"tcp"}]},
             "ListenerPortsAndProtocol":{"ListenerPortAndProtocol":[{"ListenerPort":443,"ListenerProtocol":"https"}]},
             "BackendServers":{"BackendServer":[{"ServerId":"i-1","Weight":"100","Type":"ecs"}]},
             "Tags":{"Tag":[{"TagKey":"ack.aliyun.com","TagValue":"c1"}]}}
            """));

        var lb = await new SlbClient(TestClients.Transport(handler)).DescribeLoadBalancerAttributeAsync("lb-1", default);

        Assert.Equal(("r1", "lb-1", 5120), (lb.RequestId, lb.LoadBalancerId, lb.Bandwidth));
        Assert.Equal([80, 443], lb.ListenerPorts);
        Assert.Equal("tcp", lb.ListenerPortsAndProtocal[0].ListenerProtocal);
        Assert.Equal("https", lb.ListenerPortsAndProtocol[0].ListenerProtocol);
        Assert.Equal(100, lb.BackendServers[0].Weight);
        Assert.Equal(new Tag("ack.aliyun.com", "c1"), lb.Tags[0]);
    }

    [Fact]
    public async Task Route_tables_come_wrapped_in_RouterTableListType_and_VPC_tags_use_Key_Value()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok("""
            {"RequestId":"r","PageNumber":1,"PageSize":50,"TotalCount":1,"RouterTableList":{"RouterTableListType":[
              {"RouteTableId":"vtb-1","RouteTableType":"Custom","VSwitchIds":{"VSwitchId":["vsw-1"]},"Tags":{"Tag":[{"Key":"k","Value":"v"}]}}]}}
            """));

        var tables = await new VpcClient(TestClients.Transport(handler, CloudProduct.Vpc)).DescribeRouteTableListAsync(new DescribeRouteTableListRequest(), default).ToListAsync();

        var table = Assert.Single(tables);
        Assert.Equal(["vsw-1"], table.VSwitchIds);
        Assert.Equal(new Tag("k", "v"), table.Tags[0]);
    }

    [Fact]
    public async Task Batch_route_responses_use_flat_arrays()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok("""
            {"RequestId":"r","SuccessCount":1,"FailedCount":1,"RouteEntryIds":["rte-1"],
             "FailedRouteEntries":[{"DstCidrBlock":"172.20.1.0/24","NextHop":"i-2","FailedCode":"InvalidCIDRBlock.Duplicate","FailedMessage":"dup"}]}
            """));

        var result = await new VpcClient(TestClients.Transport(handler, CloudProduct.Vpc)).CreateRouteEntriesAsync(
            new CreateRouteEntriesRequest([new RouteEntrySpec("vtb", "172.20.0.0/24", "i-1"), new RouteEntrySpec("vtb", "172.20.1.0/24", "i-2")]), default);

        Assert.Equal(["rte-1"], result.RouteEntryIds);
        Assert.Equal("InvalidCIDRBlock.Duplicate", Assert.Single(result.FailedRouteEntries).FailedCode);
    }

    [Fact]
    public async Task Instances_expose_private_ips_and_network_interfaces()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok("""
            {"RequestId":"r","NextToken":"","Instances":{"Instance":[{"InstanceId":"i-1","Status":"Running","ZoneId":"cn-hangzhou-h",
              "VpcAttributes":{"VpcId":"vpc-1","PrivateIpAddress":{"IpAddress":["192.168.0.11"]}},
              "NetworkInterfaces":{"NetworkInterface":[{"NetworkInterfaceId":"eni-1","Type":"Primary","PrimaryIpAddress":"192.168.0.11",
                "PrivateIpSets":{"PrivateIpSet":[{"PrivateIpAddress":"192.168.0.11","Primary":true}]}}]}}]}}
            """));

        var instance = Assert.Single(await new EcsClient(TestClients.Transport(handler, CloudProduct.Ecs)).DescribeInstancesAsync(new DescribeInstancesRequest(), default).ToListAsync());

        Assert.Equal(["192.168.0.11"], instance.VpcAttributes!.PrivateIpAddress);
        Assert.True(instance.NetworkInterfaces[0].PrivateIpSets[0].Primary);
    }

    [Theory]
    [InlineData("""{"RequestId":"r","LoadBalancers":{"LoadBalancer":"oops"}}""", "malformed answer: field $.LoadBalancers has another JSON type than the model expects")]
    [InlineData("""{"RequestId":"r","LoadBalancers":{"LoadBal""", "malformed answer: the body is not well-formed JSON (it breaks off or is corrupt at line 1, byte 42, of 42 bytes: a truncated answer?)")]
    [InlineData("""<html><body><h1>Bad Gateway</h1></body></html>""", "malformed answer: the body is not JSON but markup (46 bytes starting with '<', e.g. an HTML error page from a proxy or gateway)")]
    [InlineData("", "malformed answer: the body is empty")]
    public async Task A_body_that_cannot_be_read_is_a_client_error_that_names_the_action_and_says_why_not_a_crash(string body, string why)
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Ok(body));

        var ex = await Assert.ThrowsAsync<CloudClients.Transport.OpenApiException>(async () =>
            await new SlbClient(TestClients.Transport(handler)).DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), default).ToListAsync());

        Assert.Equal(CloudClients.Transport.OpenApiErrorCodes.ClientInvalidResponse, ex.Code);
        Assert.Equal($"SLB DescribeLoadBalancers failed: Client.InvalidResponse: {why} [HTTP 200]", ex.Message);
        Assert.Single(handler.Requests); // not retried: the same request would read the same answer
        Assert.DoesNotContain("Bad Gateway", ex.Message, StringComparison.Ordinal); // the body stays out of the message
    }
}
