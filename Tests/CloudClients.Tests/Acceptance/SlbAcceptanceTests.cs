using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.Sandbox.Demo;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>Every SLB action the CCM uses, against the emulator over HTTP, with both signature versions.</summary>
public class SlbAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly IReadOnlyList<BackendServer> Nodes =
        [.. DemoWorld.Nodes.Select(n => new BackendServer { ServerId = n.InstanceId, Port = 30080, Weight = 100, Type = "ecs", Description = "k8s/80/web/default/c1" })];

    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task A_load_balancer_lives_through_every_action(SignatureVersion version)
    {
        var slb = fixture.CreateClients(Clients.Signing(version)).Slb;
        var name = "a-life-" + version;
        var tags = new[] { new Tag("kubernetes.do.not.delete", name), new Tag("ack.aliyun.com", "c1") };

        var created = await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            ClientToken = "token-" + name, LoadBalancerName = name, AddressType = "internet", LoadBalancerSpec = "slb.s1.small",
            InstanceChargeType = "PayBySpec", DeleteProtection = "on", ModificationProtectionStatus = "ConsoleProtection",
            ModificationProtectionReason = "managed.by.ack", Tags = tags,
        }, default);
        var lbId = created.LoadBalancerId;
        Assert.StartsWith("lb-", lbId);
        Assert.False(string.IsNullOrEmpty(created.Address));

        var found = await slb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Tags = [tags[0]] }, default).ToListAsync();
        Assert.Equal(lbId, Assert.Single(found).LoadBalancerId);
        Assert.Contains(tags[1], found[0].Tags);

        await slb.SetLoadBalancerNameAsync(new SetLoadBalancerNameRequest(lbId, name + "-renamed"), default);
        await slb.SetLoadBalancerModificationProtectionAsync(new SetLoadBalancerModificationProtectionRequest(lbId, "NonProtection"), default);
        await slb.ModifyLoadBalancerInternetSpecAsync(new ModifyLoadBalancerInternetSpecRequest(lbId, "paybybandwidth", 20), default);
        await slb.ModifyLoadBalancerInstanceSpecAsync(new ModifyLoadBalancerInstanceSpecRequest(lbId, "slb.s2.small"), default);
        var attribute = await slb.DescribeLoadBalancerAttributeAsync(lbId, default);
        Assert.Equal((name + "-renamed", "NonProtection", "on"), (attribute.LoadBalancerName, attribute.ModificationProtectionStatus, attribute.DeleteProtection));
        Assert.Equal(("paybybandwidth", 20, "slb.s2.small"), (attribute.InternetChargeType, attribute.Bandwidth, attribute.LoadBalancerSpec));

        var groupId = await VServerGroupLifeAsync(slb, lbId);
        await ListenerLifeAsync(slb, lbId, groupId);
        await TagLifeAsync(slb, lbId);

        await slb.DeleteVServerGroupAsync(groupId, default);
        var protectedDelete = await Assert.ThrowsAsync<OpenApiException>(() => slb.DeleteLoadBalancerAsync(lbId, default));
        Assert.False(protectedDelete.IsRetryable);
        await slb.SetLoadBalancerDeleteProtectionAsync(new SetLoadBalancerDeleteProtectionRequest(lbId, "off"), default);
        await slb.DeleteLoadBalancerAsync(lbId, default);
        var gone = await Assert.ThrowsAsync<OpenApiException>(() => slb.DescribeLoadBalancerAttributeAsync(lbId, default));
        Assert.Equal("InvalidLoadBalancerId.NotFound", gone.Code);
        Assert.Null(fixture.Emulator.Cloud.LoadBalancer(lbId));
    }

    private static async Task<string> VServerGroupLifeAsync(ISlbClient slb, string lbId)
    {
        var group = await slb.CreateVServerGroupAsync(new CreateVServerGroupRequest { LoadBalancerId = lbId, VServerGroupName = "k8s/80/web/default/c1" }, default);
        await slb.AddVServerGroupBackendServersInBatchesAsync(group.VServerGroupId, Nodes, default, batchSize: 2);
        var groups = await slb.DescribeVServerGroupsAsync(new DescribeVServerGroupsRequest { LoadBalancerId = lbId }, default);
        Assert.Equal("k8s/80/web/default/c1", Assert.Single(groups).VServerGroupName);

        var reweighted = await slb.SetVServerGroupAttributeAsync(new SetVServerGroupAttributeRequest
        {
            VServerGroupId = group.VServerGroupId, BackendServers = [Nodes[0] with { Weight = 50 }],
        }, default);
        Assert.Equal(50, reweighted.BackendServers.Single(b => b.ServerId == Nodes[0].ServerId).Weight);

        await slb.ModifyVServerGroupBackendServersAsync(new ModifyVServerGroupBackendServersRequest(group.VServerGroupId, [Nodes[2]], [Nodes[2] with { Port = 30081 }]), default);
        await slb.RemoveVServerGroupBackendServersInBatchesAsync(group.VServerGroupId, [Nodes[1]], default);
        var members = await slb.DescribeVServerGroupAttributeAsync(group.VServerGroupId, default);
        Assert.Equal([(Nodes[0].ServerId, 30080), (Nodes[2].ServerId, 30081)], members.BackendServers.Select(b => (b.ServerId, b.Port ?? 0)).Order());
        return group.VServerGroupId;
    }

    private static async Task ListenerLifeAsync(ISlbClient slb, string lbId, string groupId)
    {
        await slb.CreateLoadBalancerTCPListenerAsync(new CreateLoadBalancerTCPListenerRequest
        {
            LoadBalancerId = lbId, ListenerPort = 80, Bandwidth = -1, VServerGroupId = groupId, Scheduler = "rr", Description = "k8s/80/web/default/c1",
            HealthCheckInterval = 5, PersistenceTimeout = 0,
        }, default);
        await slb.CreateLoadBalancerUDPListenerAsync(new CreateLoadBalancerUDPListenerRequest { LoadBalancerId = lbId, ListenerPort = 53, Bandwidth = -1, VServerGroupId = groupId }, default);
        await slb.CreateLoadBalancerHTTPListenerAsync(new CreateLoadBalancerHTTPListenerRequest { LoadBalancerId = lbId, ListenerPort = 8080, HealthCheck = "off", VServerGroupId = groupId, StickySession = "off" }, default);
        await slb.CreateLoadBalancerHTTPSListenerAsync(new CreateLoadBalancerHTTPSListenerRequest
        {
            LoadBalancerId = lbId, ListenerPort = 443, Bandwidth = -1, HealthCheck = "off", VServerGroupId = groupId, StickySession = "off", ServerCertificateId = "cert-sandbox",
        }, default);

        await slb.SetLoadBalancerTCPListenerAttributeAsync(new SetLoadBalancerTCPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = 80, Scheduler = "wrr", HealthCheckInterval = 3 }, default);
        await slb.SetLoadBalancerUDPListenerAttributeAsync(new SetLoadBalancerUDPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = 53, Scheduler = "wrr" }, default);
        await slb.SetLoadBalancerHTTPListenerAttributeAsync(new SetLoadBalancerHTTPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = 8080, IdleTimeout = 30 }, default);
        await slb.SetLoadBalancerHTTPSListenerAttributeAsync(new SetLoadBalancerHTTPSListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = 443, EnableHttp2 = "on" }, default);

        var tcp = new ListenerKey(lbId, 80, "tcp");
        Assert.Equal("stopped", (await Listeners(slb, lbId)).Single(l => l.ListenerPort == 80).Status);
        await slb.StartLoadBalancerListenerAsync(tcp, default);
        var listeners = await Listeners(slb, lbId);
        Assert.Equal([53, 80, 443, 8080], listeners.Select(l => l.ListenerPort).Order());
        var running = listeners.Single(l => l.ListenerPort == 80);
        Assert.Equal(("running", "wrr", groupId), (running.Status, running.Scheduler, running.VServerGroupId));
        Assert.Equal("k8s/80/web/default/c1", running.Description);

        await slb.StopLoadBalancerListenerAsync(tcp, default);
        Assert.Equal("stopped", (await Listeners(slb, lbId)).Single(l => l.ListenerPort == 80).Status);
        foreach (var (port, protocol) in new[] { (80, "tcp"), (53, "udp"), (8080, "http"), (443, "https") })
        {
            await slb.DeleteLoadBalancerListenerAsync(new ListenerKey(lbId, port, protocol), default);
        }

        Assert.Empty(await Listeners(slb, lbId));
    }

    private static async Task TagLifeAsync(ISlbClient slb, string lbId)
    {
        await slb.AddTagsAsync(new LoadBalancerTagsRequest(lbId, [new Tag("team", "web")]), default);
        var sets = await slb.DescribeTagsAsync(new DescribeTagsRequest { LoadBalancerId = lbId }, default).ToListAsync();
        Assert.Contains(sets, s => s.TagKey == "team" && s.TagValue == "web");
        await slb.RemoveTagsAsync(new LoadBalancerTagsRequest(lbId, [new Tag("team", "web")]), default);
        Assert.DoesNotContain(await slb.DescribeTagsAsync(new DescribeTagsRequest { LoadBalancerId = lbId }, default).ToListAsync(), s => s.TagKey == "team");

        await slb.TagResourcesAsync(new TagResourcesRequest("instance", [lbId], [new Tag("env", "test")]), default);
        var tagged = await slb.ListTagResourcesAsync(new ListTagResourcesRequest { ResourceType = "instance", ResourceIds = [lbId] }, default).ToListAsync();
        Assert.Contains(tagged, t => t.ResourceId == lbId && t.TagKey == "env" && t.TagValue == "test");
        await slb.UntagResourcesAsync(new UntagResourcesRequest("instance", [lbId], ["env"]), default);
        tagged = await slb.ListTagResourcesAsync(new ListTagResourcesRequest { ResourceType = "instance", ResourceIds = [lbId] }, default).ToListAsync();
        Assert.DoesNotContain(tagged, t => t.TagKey == "env");
    }

    private static async Task<List<Listener>> Listeners(ISlbClient slb, string lbId) =>
        await slb.DescribeLoadBalancerListenersAsync(new DescribeLoadBalancerListenersRequest { LoadBalancerIds = [lbId] }, default).ToListAsync();
}
