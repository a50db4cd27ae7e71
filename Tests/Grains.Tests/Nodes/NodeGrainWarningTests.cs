using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Grains.Reconcile;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>Nodes the grain cannot map: one Warning Event each, with its own text, and no write.</summary>
public sealed class NodeGrainWarningTests
{
    [Fact]
    public async Task Ambiguous_IP_unknown_IP_and_malformed_providerID_each_warn_in_their_own_words_and_write_nothing()
    {
        await using var silo = await NodeSilo.StartAsync();
        silo.Cloud.Cloud.AddInstance(new NewInstance { InstanceId = "i-bp1twin", PrivateIpAddress = DemoWorld.Nodes[0].PrivateIp });
        silo.Kube.Objects.Create(NodeManifests.Node("stranger", "192.168.5.5", providerId: null));
        silo.Kube.Objects.Create(NodeManifests.Node("odd", "192.168.0.99", providerId: "i-bp1odd"));
        var versions = silo.Nodes().ToDictionary(n => n.Metadata.Name!, n => n.Metadata.ResourceVersion);

        await silo.RoundAsync(DemoWorld.Nodes[0].Name, "stranger", "odd");

        var warnings = silo.Events.Warnings.ToDictionary(w => w.Regarding.Name!, w => (w.Reason, w.Message));
        Assert.Equal(("AmbiguousInstanceIP",
            $"ECS instances {DemoWorld.Nodes[0].InstanceId}, i-bp1twin in VPC {DemoWorld.VpcId} all have private IP {DemoWorld.Nodes[0].PrivateIp}; spec.providerID is not set"),
            warnings[DemoWorld.Nodes[0].Name]);
        Assert.Equal(("InstanceNotFoundByIP", $"no ECS instance in VPC {DemoWorld.VpcId} has private IP 192.168.5.5; spec.providerID is not set"),
            warnings["stranger"]);
        Assert.Equal("InvalidProviderID", warnings["odd"].Reason);
        Assert.StartsWith("spec.providerID \"i-bp1odd\" is not an Alibaba Cloud provider ID", warnings["odd"].Message, StringComparison.Ordinal);
        Assert.Equal(3, silo.Events.Events.Count);
        Assert.Equal(versions, silo.Nodes().ToDictionary(n => n.Metadata.Name!, n => n.Metadata.ResourceVersion));
        Assert.All(new[] { DemoWorld.Nodes[0].Name, "stranger", "odd" }, n =>
        {
            var state = silo.State(n)!;
            Assert.Equal(GrainPhase.Failed, state.Phase);
            Assert.Equal(warnings[n].Reason, state.LastError!.Code);
            Assert.Equal(warnings[n].Message, Assert.Single(state.RecentEvents).Message);
        });
    }

    [Fact]
    public async Task A_malformed_providerID_fails_terminally_and_an_unknown_IP_is_looked_at_again()
    {
        await using var silo = await NodeSilo.StartAsync();
        silo.Kube.Objects.Create(NodeManifests.Node("stranger", "192.168.5.5", providerId: null));
        silo.Kube.Objects.Create(NodeManifests.Node("odd", "192.168.0.99", providerId: "cn-hangzhou.i.x"));

        await silo.RoundAsync("stranger", "odd");

        var odd = silo.Silo.Activity.Find("node", "odd")!;
        var stranger = silo.Silo.Activity.Find("node", "stranger")!;
        Assert.Equal((TurnResult.Terminal, null), (odd.Last!.Result, odd.NextWake));
        Assert.Equal("Scheduled", stranger.State);
        Assert.Equal(EventSeverity.Warning, Assert.Single(silo.Events.Events, e => e.Regarding.Name == "odd").Severity);
    }
}
