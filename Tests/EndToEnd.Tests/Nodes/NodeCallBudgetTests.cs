using Ccm.GrainInterfaces.State;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Nodes;

/// <summary>
/// A scale-up in a real silo with its default batching window: 300 kubelets register at once, the watcher wakes 300
/// Node grains, and their instance lookups share DescribeInstances calls (100 IPs each) instead of one call per node.
/// </summary>
public sealed class NodeCallBudgetTests : IAsyncLifetime
{
    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync(deployDemoApp: false);

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Initialising_300_new_Nodes_makes_at_most_6_DescribeInstances_calls()
    {
        // --v=2: the batcher logs each call. A Node grain's first periodic resync falls at a random point of one period
        // after it activates, and a resync asks the cloud afresh: with the default 5m, a few of the 300 would resync
        // within the test and be counted; a period far longer than the test keeps the count to the scale-up's own calls.
        var silo = await world.StartSiloAsync("budget", ["--leader-elect=false", "--v=2", "--node-resync-period=1000h"]);
        await Eventually.TrueAsync(
            () => DemoWorld.Nodes.All(d => silo.Board.Get<NodeGrainState>(d.Name)?.Phase == GrainPhase.Ready), "the demo nodes are initialised",
            TestTimings.Generous);
        var instances = Enumerable.Range(0, 300).Select(i => world.Cloud.Cloud.AddInstance(new NewInstance { InstanceName = $"pool-{i:D3}" })).ToList();
        world.Cloud.Calls.Clear();

        foreach (var instance in instances)
        {
            world.Kube.Objects.Create(NodeManifests.Node(instance.InstanceName, instance.PrivateIpAddress));
        }

        await Eventually.TrueAsync(
            () => instances.All(i => NodeObjects.Get(world.Kube, i.InstanceName) is { Spec.ProviderID: { } id } node
                && id == $"{DemoWorld.RegionId}.{i.InstanceId}" && NodeObjects.Taints(node).Count == 0),
            "the 300 new nodes are initialised", TestTimings.Generous * 2);

        // Our writes come back as watch events; the turns they cause must not ask the cloud again, one by one.
        await Eventually.TrueAsync(
            () => instances.All(i => silo.Board.Get<NodeGrainState>(i.InstanceName)?.Phase == GrainPhase.Ready),
            "the 300 grains report Ready after the echoes of their own writes", TestTimings.Generous);
        var calls = world.Cloud.Calls.CountOf("DescribeInstances");
        var batches = silo.Logs.Entries.Where(e => e.Message.StartsWith("DescribeInstances for", StringComparison.Ordinal)).Select(e => e.Message);
        Assert.True(calls is >= 3 and <= 6, $"{calls} DescribeInstances calls:\n{string.Join('\n', batches)}");
    }
}

