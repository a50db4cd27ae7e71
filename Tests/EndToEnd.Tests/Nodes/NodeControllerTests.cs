using Ccm.GrainInterfaces.State;
using Ccm.Grains.Nodes;
using k8s.Models;
using Ccm.Kube.Client;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Nodes;

/// <summary>
/// The node controller in a real silo against both emulators: the watcher wakes the Node grains, which find each demo
/// node's instance by its private IP and initialise it, and follow instances that stop or go away.
/// </summary>
public sealed class NodeControllerTests : IAsyncLifetime
{
    private SandboxWorld world = null!;
    private InProcessSilo silo = null!;
    private IReadOnlyDictionary<string, V1Node> seeded = null!;

    public async Task InitializeAsync()
    {
        world = await SandboxWorld.StartAsync(deployDemoApp: false);
        seeded = DemoWorld.Nodes.Select(d => d.Name).Append(DemoWorld.VirtualNode.Name).ToDictionary(n => n, n => Node(n)!);
        silo = await world.StartSiloAsync("nodes", ["--leader-elect=false"]);
        // A grain publishes its state after its writes: wait for both, or a read of the state can race the last write.
        await Eventually.TrueAsync(
            () => DemoWorld.Nodes.All(d => Initialised(d) && silo.Board.Get<NodeGrainState>(d.Name) is { Phase: GrainPhase.Ready or GrainPhase.Progressing }),
            "the demo nodes are initialised", TestTimings.Generous);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Demo_nodes_get_providerID_labels_and_addresses_and_lose_the_uninitialized_taint_and_the_virtual_node_is_untouched()
    {
        foreach (var demo in DemoWorld.Nodes)
        {
            // As kubelets with --cloud-provider=external register them: what the controller has to change.
            Assert.Null(seeded[demo.Name].Spec!.ProviderID);
            Assert.Equal([NodeLabels.UninitializedTaint], Taints(seeded[demo.Name]));
            Assert.False(seeded[demo.Name].Metadata.Labels?.ContainsKey(NodeLabels.Zone) ?? false);

            var node = Node(demo.Name)!;
            Assert.Equal(demo.ProviderId, node.Spec!.ProviderID);
            Assert.Equal(
                [(NodeLabels.InstanceType, demo.InstanceType), (NodeLabels.Region, DemoWorld.RegionId), (NodeLabels.Zone, demo.ZoneId),
                 (NodeLabels.BetaInstanceType, demo.InstanceType), (NodeLabels.FailureDomainRegion, DemoWorld.RegionId), (NodeLabels.FailureDomainZone, demo.ZoneId)],
                new[] { NodeLabels.InstanceType, NodeLabels.Region, NodeLabels.Zone, NodeLabels.BetaInstanceType, NodeLabels.FailureDomainRegion, NodeLabels.FailureDomainZone }
                    .Select(l => (l, node.Metadata.Labels.ValueOrNull(l))));
            Assert.Equal([("InternalIP", demo.PrivateIp), ("Hostname", demo.Name)], node.Status!.Addresses!.Select(a => (a.Type!, a.Address!)));
            Assert.Empty(node.Spec.Taints ?? []);
            Assert.Equal(ProviderIdSource.LookedUpByIp, silo.Board.Get<NodeGrainState>(demo.Name)!.ProviderIdSource);

            // Upstream's instance labels, and the primary ENI's source/destination check (on when the instance was
            // made) turned off before the taint went, so that pod-CIDR routes through the instance deliver.
            var instance = world.Cloud.Cloud.Instances.Single(i => i.InstanceId == demo.InstanceId);
            Assert.Equal((instance.InstanceChargeType, instance.SpotStrategy),
                (node.Metadata.Labels.ValueOrNull(NodeLabels.InstanceChargeType), node.Metadata.Labels.ValueOrNull(NodeLabels.SpotStrategy)));
            Assert.False(world.Cloud.Cloud.Snapshot.NetworkInterfaces[instance.NetworkInterfaceId].SourceDestCheck);
        }

        Assert.Equal(DemoWorld.Nodes.Count, world.Cloud.Calls.CountOf("ModifyNetworkInterfaceAttribute"));

        // What a user sees with the real kubectl.
        var providerIds = await world.Kubectl.CheckedAsync("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.providerID}{\"\\n\"}{end}");
        Assert.All(DemoWorld.Nodes, d => Assert.Contains($"{d.Name}={d.ProviderId}", providerIds, StringComparison.Ordinal));

        var virtualNode = Node(DemoWorld.VirtualNode.Name)!;
        var before = seeded[DemoWorld.VirtualNode.Name];
        Assert.Equal(before.Metadata.Labels, virtualNode.Metadata.Labels);
        Assert.Equal(Taints(before), Taints(virtualNode));
        Assert.Null(virtualNode.Spec!.ProviderID);
        Assert.False(virtualNode.Metadata.Labels!.ContainsKey(NodeLabels.InstanceType));
        Assert.Equal(["virtual-kubelet.io/provider"], virtualNode.Spec.Taints!.Select(t => t.Key));
        Assert.Equal([("InternalIP", DemoWorld.VirtualNode.InternalIp), ("Hostname", DemoWorld.VirtualNode.Name)],
            virtualNode.Status!.Addresses!.Select(a => (a.Type!, a.Address!)));
        var skipped = await Eventually.ValueAsync(
            () => Task.FromResult(silo.Board.Get<NodeGrainState>(DemoWorld.VirtualNode.Name)), s => s is not null, "the virtual node's grain published");
        Assert.Equal(GrainPhase.Skipped, skipped!.Phase);
        Assert.Contains("virtual-kubelet node (label type=virtual-kubelet)", skipped.Reason, StringComparison.Ordinal);
        Assert.Null(skipped.InstanceId);
        Assert.Empty(NodeObjects.EventsOf(world.Kube, DemoWorld.VirtualNode.Name));
    }

    [Fact]
    public async Task Terminating_an_instance_deletes_its_Node_while_Ready_is_Unknown_and_not_while_Ready_is_True()
    {
        var demo = DemoWorld.Nodes[0];
        world.Cloud.Cloud.TerminateInstance(demo.InstanceId);

        SetReady(demo.Name, "False");
        await ReasonAsync(demo.Name, "kept while its Ready condition is False");
        SetReady(demo.Name, "True");
        await ReasonAsync(demo.Name, "kept while its Ready condition is True");
        Assert.NotNull(Node(demo.Name));

        SetReady(demo.Name, "Unknown");
        await Eventually.TrueAsync(() => Node(demo.Name) is null, "the Node of the terminated instance is deleted", TestTimings.Generous);
        Assert.All(DemoWorld.Nodes.Skip(1), d => Assert.NotNull(Node(d.Name)));
        Assert.NotNull(Node(DemoWorld.VirtualNode.Name));
    }

    [Fact]
    public async Task A_stopped_instance_gets_the_shutdown_taint_while_its_Node_is_NotReady()
    {
        var demo = DemoWorld.Nodes[1];
        world.Cloud.Cloud.StopInstance(demo.InstanceId);

        SetReady(demo.Name, "False");
        await Eventually.TrueAsync(() => Taints(demo.Name).SequenceEqual([NodeLabels.ShutdownTaint]), "the shutdown taint is added", TestTimings.Generous);
        Assert.NotNull(Node(demo.Name));

        world.Cloud.Cloud.StartInstance(demo.InstanceId);
        SetReady(demo.Name, "True");
        await Eventually.TrueAsync(() => Taints(demo.Name).Count == 0, "the shutdown taint goes once the node is Ready", TestTimings.Generous);
    }

    private bool Initialised(DemoNode demo) =>
        Node(demo.Name) is { Spec.ProviderID: { } id } node && id == demo.ProviderId && (node.Spec.Taints ?? []).Count == 0
        && node.Metadata.Labels!.ContainsKey(NodeLabels.Zone);

    private V1Node? Node(string name) => NodeObjects.Get(world.Kube, name);

    private IReadOnlyList<string> Taints(string name) => Taints(Node(name));

    private static IReadOnlyList<string> Taints(V1Node? node) => NodeObjects.Taints(node);

    /// <summary>As the node lifecycle controller does when a kubelet goes silent, or a kubelet when it reports again.</summary>
    private void SetReady(string name, string status) =>
        world.Kube.Objects.Patch("nodes", null, name, KubePatchType.StrategicMerge,
            $$$"""{"status":{"conditions":[{"type":"Ready","status":"{{{status}}}"}]}}""", "status");

    private Task ReasonAsync(string name, string reason) =>
        Eventually.TrueAsync(
            () => silo.Board.Get<NodeGrainState>(name)?.Reason?.Contains(reason, StringComparison.Ordinal) == true,
            $"node {name}'s grain reports \"{reason}\"", TestTimings.Generous);
}
