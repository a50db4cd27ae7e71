using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.Sandbox.Demo;

namespace Ccm.CloudClients.Tests.Acceptance;

/// <summary>
/// The SLB calls behind upstream's newer annotations: instance charge type changes, HTTPS domain extensions, and reused
/// vServer groups with weights, against the emulator over HTTP.
/// </summary>
public class SlbParityAcceptanceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_pay_by_spec_load_balancer_moves_to_PayByCLCU_and_not_back()
    {
        var slb = fixture.CreateClients().Slb;
        var lbId = (await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            ClientToken = "charge-type", InstanceChargeType = "PayBySpec", LoadBalancerSpec = "slb.s2.small",
        }, default)).LoadBalancerId;

        await slb.ModifyLoadBalancerInstanceChargeTypeAsync(new ModifyLoadBalancerInstanceChargeTypeRequest(lbId, "PayByCLCU"), default);
        var back = await Assert.ThrowsAsync<OpenApiException>(() => slb.ModifyLoadBalancerInstanceChargeTypeAsync(
            new ModifyLoadBalancerInstanceChargeTypeRequest(lbId, "PayBySpec") { LoadBalancerSpec = "slb.s1.small" }, default));

        var attribute = await slb.DescribeLoadBalancerAttributeAsync(lbId, default);
        Assert.Equal(("PayByCLCU", null), (attribute.InstanceChargeType, attribute.LoadBalancerSpec));
        Assert.Equal(("InvalidParameter", false), (back.Code, back.IsRetryable));
    }

    [Theory]
    [InlineData(SignatureVersion.V2)]
    [InlineData(SignatureVersion.V3)]
    public async Task An_HTTPS_listener_gains_recertifies_and_loses_a_domain_extension(SignatureVersion version)
    {
        var slb = fixture.CreateClients(Clients.Signing(version)).Slb;
        var lbId = (await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "sni-" + version }, default)).LoadBalancerId;
        await slb.CreateLoadBalancerHTTPSListenerAsync(new CreateLoadBalancerHTTPSListenerRequest
        {
            LoadBalancerId = lbId, ListenerPort = 443, Bandwidth = -1, HealthCheck = "off", BackendServerPort = 30443, ServerCertificateId = "cert-default",
        }, default);
        var listed = () => slb.DescribeDomainExtensionsAsync(new DescribeDomainExtensionsRequest(lbId, 443), default);

        var created = await slb.CreateDomainExtensionAsync(new CreateDomainExtensionRequest(lbId, 443, "www.example.com", "cert-www"), default);
        Assert.Equal((created.DomainExtensionId, "www.example.com", "cert-www"), Only(await listed()));
        await slb.SetDomainExtensionAttributeAsync(new SetDomainExtensionAttributeRequest(created.DomainExtensionId, "cert-www-2"), default);
        Assert.Equal((created.DomainExtensionId, "www.example.com", "cert-www-2"), Only(await listed()));
        await slb.DeleteDomainExtensionAsync(created.DomainExtensionId, default);

        Assert.Empty(await listed());
        var again = await Assert.ThrowsAsync<OpenApiException>(() => slb.DeleteDomainExtensionAsync(created.DomainExtensionId, default));
        Assert.Equal("InvalidParameter.DomainExtensionId", again.Code);
    }

    [Fact]
    public async Task A_reused_vServer_group_keeps_the_users_backend_while_ours_come_weigh_and_go()
    {
        var slb = fixture.CreateClients().Slb;
        var lbId = (await slb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { ClientToken = "reused-group" }, default)).LoadBalancerId;
        var users = new BackendServer { ServerId = DemoWorld.Nodes[0].InstanceId, Port = 8080, Weight = 100, Description = "added-by-user" };
        var group = await slb.CreateVServerGroupAsync(new CreateVServerGroupRequest
        {
            LoadBalancerId = lbId, VServerGroupName = "users-group", BackendServers = [users],
        }, default);
        const string ours = "k8s/80/web/default/c1";
        var mine = DemoWorld.Nodes.Skip(1).Select((n, i) => new BackendServer { ServerId = n.InstanceId, Port = 30080, Weight = 30 + (40 * i), Description = ours }).ToList();

        await slb.AddVServerGroupBackendServersInBatchesAsync(group.VServerGroupId, mine, default);
        await slb.SetVServerGroupAttributeAsync(new SetVServerGroupAttributeRequest
        {
            VServerGroupId = group.VServerGroupId, BackendServers = [mine[0] with { Weight = 50 }],
        }, default);
        var weighed = await slb.DescribeVServerGroupAttributeAsync(group.VServerGroupId, default);
        await slb.RemoveVServerGroupBackendServersInBatchesAsync(group.VServerGroupId, mine, default);
        var left = await slb.DescribeVServerGroupAttributeAsync(group.VServerGroupId, default);

        Assert.Equal([(users.ServerId, 100, "added-by-user"), (mine[0].ServerId, 50, ours), (mine[1].ServerId, 70, ours)],
            weighed.BackendServers.Select(b => (b.ServerId, b.Weight ?? -1, b.Description)).OrderBy(b => b.Item3 == ours).ThenBy(b => b.ServerId));
        Assert.Equal((users.ServerId, 8080, 100), (Assert.Single(left.BackendServers).ServerId, left.BackendServers[0].Port, left.BackendServers[0].Weight));
    }

    private static (string, string, string?) Only(IReadOnlyList<DomainExtension> extensions)
    {
        var extension = Assert.Single(extensions);
        return (extension.DomainExtensionId, extension.Domain, extension.ServerCertificateId);
    }
}
