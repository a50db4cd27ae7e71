using Ccm.GrainInterfaces.State;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Nodes;

/// <summary>
/// Nodes the controller cannot map, in a real silo: each becomes a Kubernetes Warning Event with its own text (what
/// <c>kubectl describe node</c> shows), the dashboard state names the same reason, and the Node is not written.
/// </summary>
public sealed class NodeWarningEventTests : IAsyncLifetime
{
    private const string TwinIp = "192.168.0.150";
    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync(deployDemoApp: false);

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Ambiguous_IP_unknown_IP_and_malformed_providerID_each_become_a_Warning_Event_of_their_own_and_the_Node_is_not_written()
    {
        world.Cloud.Cloud.AddInstance(new NewInstance { InstanceId = "i-bp1twinb", PrivateIpAddress = TwinIp });
        world.Cloud.Cloud.AddInstance(new NewInstance { InstanceId = "i-bp1twina", PrivateIpAddress = TwinIp });
        world.Kube.Objects.Create(NodeManifests.Node("twin", TwinIp));
        world.Kube.Objects.Create(NodeManifests.Node("stranger", "192.168.5.5"));
        world.Kube.Objects.Create(NodeManifests.Node("odd", "192.168.0.99", providerId: "i-bp1odd"));
        string[] names = ["twin", "stranger", "odd"];

        var silo = await world.StartSiloAsync("warnings", ["--leader-elect=false"]);

        var warnings = await Eventually.ValueAsync(
            () => Task.FromResult(names.ToDictionary(n => n, n => NodeObjects.EventsOf(world.Kube, n).Where(e => e.Type == "Warning").ToList())),
            w => w.Values.All(e => e.Count > 0), "each unmappable node has a Warning Event", TestTimings.Generous);
        await Eventually.TrueAsync(
            () => names.All(n => silo.Board.Get<NodeGrainState>(n)?.LastError is not null), "each grain published its failure", TestTimings.Generous);
        var texts = warnings.ToDictionary(w => w.Key, w => (Assert.Single(w.Value).Reason, Assert.Single(w.Value).Message));
        Assert.Equal(("AmbiguousInstanceIP",
            $"ECS instances i-bp1twina, i-bp1twinb in VPC {DemoWorld.VpcId} all have private IP {TwinIp}; spec.providerID is not set"), texts["twin"]);
        Assert.Equal(("InstanceNotFoundByIP", $"no ECS instance in VPC {DemoWorld.VpcId} has private IP 192.168.5.5; spec.providerID is not set"),
            texts["stranger"]);
        Assert.Equal(("InvalidProviderID",
            "spec.providerID \"i-bp1odd\" is not an Alibaba Cloud provider ID: expected \"<region>.<instance-id>\", optionally " +
            "prefixed \"alicloud://\" (e.g. cn-hangzhou.i-bp1abc); the node is left alone"), texts["odd"]);

        foreach (var name in names)
        {
            var state = silo.Board.Get<NodeGrainState>(name)!;
            Assert.Equal((GrainPhase.Failed, texts[name].Reason), (state.Phase, state.LastError!.Code));
            var node = NodeObjects.Get(world.Kube, name)!;
            Assert.Equal(name == "odd" ? "i-bp1odd" : null, node.Spec!.ProviderID);
            Assert.Equal(name == "odd" ? [] : [NodeLabels.UninitializedTaint], NodeObjects.Taints(node));
            Assert.False(node.Metadata.Labels?.ContainsKey(NodeLabels.Zone) ?? false);
        }

        // The demo nodes beside them are initialised all the same: one bad Node does not hold the others up.
        await Eventually.TrueAsync(
            () => DemoWorld.Nodes.All(d => NodeObjects.Get(world.Kube, d.Name)?.Spec?.ProviderID == d.ProviderId),
            "the demo nodes get their providerID", TestTimings.Generous);
    }
}
