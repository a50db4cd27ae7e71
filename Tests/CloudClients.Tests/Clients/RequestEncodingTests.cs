using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;

namespace Ccm.CloudClients.Tests.Clients;

/// <summary>Each request record against the exact parameters the API documents (reference §4, appendices).</summary>
public class RequestEncodingTests
{
    private static Dictionary<string, string> Encode(object request) =>
        ((IRpcRequest)request).ToParameters().ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void CreateLoadBalancer_sends_ClientToken_and_repeated_tags()
    {
        var p = Encode(new CreateLoadBalancerRequest
        {
            ClientToken = "uid-1-lb", LoadBalancerName = "a1", AddressType = "internet", DeleteProtection = "on",
            Tags = [new Tag("kubernetes.do.not.delete", "a1")],
        });

        Assert.Equal("uid-1-lb", p["ClientToken"]);
        Assert.Equal("on", p["DeleteProtection"]);
        Assert.Equal("kubernetes.do.not.delete", p["Tag.1.Key"]);
        Assert.False(p.ContainsKey("Bandwidth"));
    }

    [Fact]
    public void DescribeLoadBalancers_sends_tags_as_one_JSON_string_and_ids_as_a_comma_list()
    {
        var p = Encode(new DescribeLoadBalancersRequest { LoadBalancerIds = ["lb-1", "lb-2"], Tags = [new Tag("k", "v")] });

        Assert.Equal("lb-1,lb-2", p["LoadBalancerId"]);
        Assert.Equal("""[{"TagKey":"k","TagValue":"v"}]""", p["Tags"]);
    }

    [Theory]
    [InlineData(true, "healthCheckInterval")]
    [InlineData(false, "HealthCheckInterval")]
    public void TCP_health_check_interval_is_spelled_as_each_action_spells_it(bool create, string expectedName)
    {
        object request = create
            ? new CreateLoadBalancerTCPListenerRequest { LoadBalancerId = "lb-1", ListenerPort = 80, Bandwidth = -1, HealthCheckInterval = 5 }
            : new SetLoadBalancerTCPListenerAttributeRequest { LoadBalancerId = "lb-1", ListenerPort = 80, HealthCheckInterval = 5, VServerGroup = "on" };

        var p = Encode(request);

        Assert.Equal("5", p[expectedName]);
        Assert.Single(p.Keys, k => k.Equals("healthCheckInterval", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void UDP_probe_fields_keep_their_lowercase_names()
    {
        var p = Encode(new CreateLoadBalancerUDPListenerRequest { LoadBalancerId = "lb", ListenerPort = 53, HealthCheckReq = "ping", HealthCheckExp = "pong" });

        Assert.Equal("ping", p["healthCheckReq"]);
        Assert.Equal("pong", p["healthCheckExp"]);
    }

    [Fact]
    public void HTTPS_listener_carries_certificate_and_http_fields()
    {
        var p = Encode(new CreateLoadBalancerHTTPSListenerRequest
        {
            LoadBalancerId = "lb", ListenerPort = 443, Bandwidth = -1, HealthCheck = "off", ServerCertificateId = "cert-1", XForwardedFor_proto = "on",
        });

        Assert.Equal("cert-1", p["ServerCertificateId"]);
        Assert.Equal("off", p["HealthCheck"]);
        Assert.Equal("on", p["XForwardedFor_proto"]);
    }

    [Fact]
    public void Listener_queries_use_LoadBalancerId_N()
    {
        var p = Encode(new DescribeLoadBalancerListenersRequest { LoadBalancerIds = ["lb-1"], ListenerProtocol = "tcp" });

        Assert.Equal("lb-1", p["LoadBalancerId.1"]);
        Assert.Equal("tcp", p["ListenerProtocol"]);
    }

    [Fact]
    public void Backend_changes_send_BackendServers_JSON()
    {
        var p = Encode(new ModifyVServerGroupBackendServersRequest("rsp-1",
            [new BackendServer { ServerId = "i-old", Port = 1 }], [new BackendServer { ServerId = "i-new", Port = 2 }]));

        Assert.Equal("""[{"ServerId":"i-old","Port":"1"}]""", p["OldBackendServers"]);
        Assert.Equal("""[{"ServerId":"i-new","Port":"2"}]""", p["NewBackendServers"]);
    }

    [Fact]
    public void TagResources_and_UntagResources_use_repeated_forms()
    {
        var tag = Encode(new TagResourcesRequest("instance", ["lb-1", "lb-2"], [new Tag("k", "v")]));
        var untag = Encode(new UntagResourcesRequest("instance", ["lb-1"], ["k1", "k2"]));

        Assert.Equal("lb-2", tag["ResourceId.2"]);
        Assert.Equal("v", tag["Tag.1.Value"]);
        Assert.Equal("k2", untag["TagKey.2"]);
    }

    [Fact]
    public void ModifyLoadBalancerInstanceChargeType_sends_what_upstream_sends()
    {
        var p = Encode(new ModifyLoadBalancerInstanceChargeTypeRequest("lb-1", "PayBySpec") { LoadBalancerSpec = "slb.s1.small" });

        Assert.Equal(new Dictionary<string, string> { ["LoadBalancerId"] = "lb-1", ["InstanceChargeType"] = "PayBySpec", ["LoadBalancerSpec"] = "slb.s1.small" }, p);
    }

    [Fact]
    public void Domain_extensions_are_addressed_by_listener_port_then_by_their_own_id()
    {
        var create = Encode(new CreateDomainExtensionRequest("lb-1", 443, "*.example.com", "cert-1"));
        var set = Encode(new SetDomainExtensionAttributeRequest("de-1", "cert-2"));

        Assert.Equal(("443", "*.example.com", "cert-1"), (create["ListenerPort"], create["Domain"], create["ServerCertificateId"]));
        Assert.Equal(new Dictionary<string, string> { ["DomainExtensionId"] = "de-1", ["ServerCertificateId"] = "cert-2" }, set);
    }

    [Fact]
    public void EIP_writes_carry_their_ClientToken_and_tags_in_the_repeated_form()
    {
        var allocate = Encode(new AllocateEipAddressRequest { ClientToken = "t-1", Bandwidth = "10", Tags = [new Tag("k", "v")] });
        var associate = Encode(new AssociateEipAddressRequest("eip-1", "lb-1", "SlbInstance") { ClientToken = "t-2" });
        var describe = Encode(new DescribeEipAddressesRequest { AssociatedInstanceType = "SlbInstance", AssociatedInstanceId = "lb-1", Tags = [new Tag("k", "v")] });

        Assert.Equal(("t-1", "10", "k", "v"), (allocate["ClientToken"], allocate["Bandwidth"], allocate["Tag.1.Key"], allocate["Tag.1.Value"]));
        Assert.Equal(new Dictionary<string, string>
        {
            ["ClientToken"] = "t-2", ["AllocationId"] = "eip-1", ["InstanceId"] = "lb-1", ["InstanceType"] = "SlbInstance",
        }, associate);
        Assert.Equal(("SlbInstance", "lb-1", "k"), (describe["AssociatedInstanceType"], describe["AssociatedInstanceId"], describe["Tag.1.Key"]));
    }

    [Fact]
    public void CreateRouteEntries_flattens_objects_as_RouteEntries_N_Field()
    {
        var p = Encode(new CreateRouteEntriesRequest([new RouteEntrySpec("vtb-1", "172.20.0.0/24", "i-1"), new RouteEntrySpec("vtb-1", "172.20.1.0/24", "i-2")]));

        Assert.Equal("vtb-1", p["RouteEntries.1.RouteTableId"]);
        Assert.Equal("172.20.1.0/24", p["RouteEntries.2.DstCidrBlock"]);
        Assert.Equal("i-2", p["RouteEntries.2.NextHop"]);
        Assert.Equal("Instance", p["RouteEntries.2.NextHopType"]);
    }

    [Fact]
    public void CreateRouteEntries_refuses_more_than_fifty()
    {
        var entries = Enumerable.Range(0, 51).Select(i => new RouteEntrySpec("vtb", $"172.20.{i}.0/24", "i")).ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => Encode(new CreateRouteEntriesRequest(entries)));
    }

    [Fact]
    public void CreateRouteEntry_sends_ClientToken_and_Instance_next_hop()
    {
        var p = Encode(new CreateRouteEntryRequest { ClientToken = "t", RouteTableId = "vtb", DestinationCidrBlock = "172.20.0.0/24", NextHopId = "i-1" });

        Assert.Equal("t", p["ClientToken"]);
        Assert.Equal("Instance", p["NextHopType"]);
    }

    [Fact]
    public void DescribeInstances_sends_id_and_ip_lists_as_JSON_array_strings()
    {
        var p = Encode(new DescribeInstancesRequest { InstanceIds = ["i-a", "i-b"], PrivateIpAddresses = ["192.168.0.11"], VpcId = "vpc-1" });

        Assert.Equal("""["i-a","i-b"]""", p["InstanceIds"]);
        Assert.Equal("""["192.168.0.11"]""", p["PrivateIpAddresses"]);
        Assert.Equal("vpc", p["InstanceNetworkType"]);
    }

    [Fact]
    public void DescribeInstances_refuses_more_than_one_hundred_ids()
    {
        var ids = Enumerable.Range(0, 101).Select(i => $"i-{i}").ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => Encode(new DescribeInstancesRequest { InstanceIds = ids }));
    }

    [Fact]
    public void DescribeNetworkInterfaces_sends_PrivateIpAddress_N()
    {
        var p = Encode(new DescribeNetworkInterfacesRequest { PrivateIpAddresses = ["10.0.0.1", "10.0.0.2"], Status = "InUse" });

        Assert.Equal("10.0.0.2", p["PrivateIpAddress.2"]);
        Assert.Equal("InUse", p["Status"]);
    }

    [Fact]
    public void ModifyNetworkInterfaceAttribute_sends_only_what_it_sets()
    {
        var p = Encode(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = "eni-1", SourceDestCheck = false });

        Assert.Equal(new Dictionary<string, string> { ["NetworkInterfaceId"] = "eni-1", ["SourceDestCheck"] = "false" }, p);
    }

    [Fact]
    public void Backend_batches_default_to_the_documented_twenty()
    {
        var servers = Enumerable.Range(0, 45).Select(i => new BackendServer { ServerId = $"i-{i}", Port = 80 }).ToList();

        Assert.Equal([20, 20, 5], BackendServerBatches.Split(servers).Select(b => b.Count));
        Assert.Equal([40, 5], BackendServerBatches.Split(servers, 40).Select(b => b.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackendServerBatches.Split(servers, 41).ToList());
    }
}
