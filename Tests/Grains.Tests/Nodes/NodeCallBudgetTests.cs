using Ccm.GrainInterfaces.State;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;

namespace Ccm.Grains.Tests.Nodes;

public sealed class NodeCallBudgetTests
{
    [Fact]
    public async Task Initialising_300_new_nodes_makes_at_most_6_cloud_calls_all_DescribeInstances()
    {
        // A generous window: the 300 grains must meet in the same batches even on a loaded machine.
        var window = new InstanceBatchOptions { Quiet = TimeSpan.FromMilliseconds(500), MaxWait = TimeSpan.FromSeconds(10) };
        await using var silo = await NodeSilo.StartAsync(batch: window);
        var names = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var instance = silo.Cloud.Cloud.AddInstance(new NewInstance { InstanceName = $"pool-{i:D3}" });
            silo.Kube.Objects.Create(NodeManifests.Node(instance.InstanceName, instance.PrivateIpAddress));
            names.Add(instance.InstanceName);
        }

        silo.Cloud.Calls.Clear();

        await silo.RoundAsync([.. names]); // the watcher's ADDED events
        await silo.RoundAsync([.. names]); // and the MODIFIED events our own writes cause

        var nodes = silo.Nodes().Where(n => names.Contains(n.Metadata.Name!)).ToList();
        Assert.Equal(300, nodes.Count);
        Assert.All(nodes, n => Assert.StartsWith($"{DemoWorld.RegionId}.i-", n.Spec!.ProviderID, StringComparison.Ordinal));
        Assert.All(nodes, n => Assert.Empty(n.Spec!.Taints ?? []));
        Assert.All(names, n => Assert.Equal(GrainPhase.Ready, silo.State(n)!.Phase));
        Assert.InRange(silo.DescribeInstancesCalls, 3, 6);
        Assert.Equal(silo.DescribeInstancesCalls, silo.Cloud.Calls.Entries.Count); // no other read, no cloud write
    }
}
