using static Ccm.Sandbox.Tests.Aliyun.Api;

namespace Ccm.Sandbox.Tests.Aliyun;

public sealed class ListenerTests
{
    [Theory]
    [InlineData("TCP", "tcp")]
    [InlineData("UDP", "udp")]
    [InlineData("HTTP", "http")]
    [InlineData("HTTPS", "https")]
    public async Task Listeners_are_created_stopped_and_start_on_request(string action, string protocol)
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var create = P(("LoadBalancerId", id), ("ListenerPort", "443"), ("BackendServerPort", "30443"), ("Bandwidth", "-1"),
            ("HealthCheck", "on"), ("ServerCertificateId", "cert-1"), ("Description", "k8s/443/web/default/c1"));
        (await f.Client.V2(SignedClient.Slb, $"CreateLoadBalancer{action}Listener", create)).Ok();
        var attribute = P(("LoadBalancerId", id), ("ListenerPort", "443"));
        var stopped = (await f.Client.V2(SignedClient.Slb, $"DescribeLoadBalancer{action}ListenerAttribute", attribute)).Ok();
        Assert.Equal("stopped", stopped["Status"].GetString());
        Assert.Equal(30443, stopped["BackendServerPort"].GetInt32());
        Assert.Equal("k8s/443/web/default/c1", stopped["Description"].GetString());

        (await f.Client.V2(SignedClient.Slb, "StartLoadBalancerListener", P(("LoadBalancerId", id), ("ListenerPort", "443"), ("ListenerProtocol", protocol)))).Ok();
        Assert.Equal("running", (await f.Client.V2(SignedClient.Slb, $"DescribeLoadBalancer{action}ListenerAttribute", attribute))["Status"].GetString());
        (await f.Client.V2(SignedClient.Slb, "StopLoadBalancerListener", P(("LoadBalancerId", id), ("ListenerPort", "443")))).Ok();
        Assert.Equal("stopped", (await f.Client.V2(SignedClient.Slb, $"DescribeLoadBalancer{action}ListenerAttribute", attribute))["Status"].GetString());
    }

    [Fact]
    public async Task Listener_attributes_take_the_services_defaults_and_the_callers_settings()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", P(("LoadBalancerId", id), ("ListenerPort", "80"), ("BackendServerPort", "30080"),
            ("Bandwidth", "-1"), ("healthCheckInterval", "5"), ("PersistenceTimeout", "60")))).Ok();
        var tcp = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerTCPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "80")))).Ok();
        Assert.Equal((5, 60, 900, "wrr", "on", false), (tcp["HealthCheckInterval"].GetInt32(), tcp["PersistenceTimeout"].GetInt32(),
            tcp["EstablishedTimeout"].GetInt32(), tcp["Scheduler"].GetString(), tcp["HealthCheck"].GetString(), tcp["ProxyProtocolV2Enabled"].GetBoolean()));

        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerTCPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "80"),
            ("Scheduler", "rr"), ("HealthCheckSwitch", "off"), ("ProxyProtocolV2Enabled", "true")))).Ok();
        var changed = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerTCPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "80")))).Ok();
        Assert.Equal(("rr", "off", true), (changed["Scheduler"].GetString(), changed["HealthCheck"].GetString(), changed["ProxyProtocolV2Enabled"].GetBoolean()));
        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerTCPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "80"), ("Scheduler", "fastest"))))
            .Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerUDPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "80"))))
            .Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task A_listener_can_leave_its_vServer_group()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var group = await ClbScenario.GroupWithListenerAsync(f, id, 80);
        (await f.Client.V2(SignedClient.Slb, "DeleteVServerGroup", P(("VServerGroupId", group)))).Fails(400, "RspoolVipExist");
        (await f.Client.V2(SignedClient.Slb, "SetLoadBalancerTCPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "80"), ("VServerGroup", "off")))).Ok();
        (await f.Client.V2(SignedClient.Slb, "DeleteVServerGroup", P(("VServerGroupId", group)))).Ok();
    }

    [Fact]
    public async Task Ports_conflict_except_between_TCP_and_UDP()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var create = P(("LoadBalancerId", id), ("ListenerPort", "53"), ("BackendServerPort", "30053"), ("Bandwidth", "-1"), ("HealthCheck", "on"));
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", create)).Ok();
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerUDPListener", create)).Ok();
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerHTTPListener", create)).Fails(400, "ListenerAlreadyExists");
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", create)).Fails(400, "ListenerAlreadyExists");
        (await f.Client.V2(SignedClient.Slb, "StartLoadBalancerListener", P(("LoadBalancerId", id), ("ListenerPort", "53")))).Fails(400, "InvalidParameter");
        (await f.Client.V2(SignedClient.Slb, "DeleteLoadBalancerListener", P(("LoadBalancerId", id), ("ListenerPort", "53"), ("ListenerProtocol", "udp")))).Ok();
        var missing = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerUDPListenerAttribute", P(("LoadBalancerId", id), ("ListenerPort", "53"))))
            .Fails(400, "InvalidParameter");
        Assert.Equal("The specified resource does not exist.", missing.Message);
    }

    [Fact]
    public async Task A_load_balancer_holds_at_most_50_listeners()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        for (var port = 1; port <= 50; port++)
        {
            (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", P(("LoadBalancerId", id), ("ListenerPort", $"{port}"),
                ("BackendServerPort", "30000"), ("Bandwidth", "-1")))).Ok();
        }

        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", P(("LoadBalancerId", id), ("ListenerPort", "51"),
            ("BackendServerPort", "30000"), ("Bandwidth", "-1")))).Fails(400, "ListenerNumberOverLimit");
    }

    [Fact]
    public async Task DescribeLoadBalancerListeners_pages_a_flat_list_by_NextToken()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        var other = await ClbScenario.CreateAsync(f);
        foreach (var (lb, port) in new[] { (id, 80), (id, 443), (id, 8080), (id, 9090), (id, 10000), (other, 80) })
        {
            (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerTCPListener", P(("LoadBalancerId", lb), ("ListenerPort", $"{port}"),
                ("BackendServerPort", "30000"), ("Bandwidth", "-1")))).Ok();
        }

        var ports = new List<int>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = P(("LoadBalancerId.1", id), ("MaxResults", "2"));
            if (token is not null)
            {
                query["NextToken"] = token;
            }

            var page = (await f.Client.V3(SignedClient.Slb, "DescribeLoadBalancerListeners", query)).Ok();
            Assert.Equal(5, page["TotalCount"].GetInt32());
            foreach (var listener in page["Listeners"].EnumerateArray())
            {
                ports.Add(listener.GetProperty("ListenerPort").GetInt32());
                Assert.Equal("tcp", listener.GetProperty("ListenerProtocol").GetString());
                Assert.Equal("on", listener.GetProperty("TCPListenerConfig").GetProperty("HealthCheck").GetString());
                Assert.Equal("false", listener.GetProperty("TCPListenerConfig").GetProperty("ProxyProtocolV2Enabled").GetString());
            }

            token = page["NextToken"].GetString();
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(3, pages);
        Assert.Equal([80, 443, 8080, 9090, 10000], ports);
        (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerListeners", P(("MaxResults", "101")))).Fails(400, "InvalidParameter");
    }

    [Fact]
    public async Task The_attribute_lists_listeners_with_the_APIs_misspelt_protocal_list()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var id = await ClbScenario.CreateAsync(f);
        (await f.Client.V2(SignedClient.Slb, "CreateLoadBalancerHTTPListener", P(("LoadBalancerId", id), ("ListenerPort", "80"),
            ("BackendServerPort", "30080"), ("HealthCheck", "off"), ("ListenerForward", "on"), ("ForwardPort", "443")))).Ok();
        var attribute = (await f.Client.V2(SignedClient.Slb, "DescribeLoadBalancerAttribute", P(("LoadBalancerId", id)))).Ok();
        var protocal = Assert.Single(attribute["ListenerPortsAndProtocal"].GetProperty("ListenerPortAndProtocal").EnumerateArray());
        Assert.Equal((80, "http"), (protocal.GetProperty("ListenerPort").GetInt32(), protocal.GetProperty("ListenerProtocal").GetString()));
        var protocol = Assert.Single(attribute["ListenerPortsAndProtocol"].GetProperty("ListenerPortAndProtocol").EnumerateArray());
        Assert.Equal(("on", 443), (protocol.GetProperty("ListenerForward").GetString(), protocol.GetProperty("ForwardPort").GetInt32()));
        Assert.Equal([80], attribute["ListenerPorts"].GetProperty("ListenerPort").EnumerateArray().Select(p => p.GetInt32()));
    }
}
