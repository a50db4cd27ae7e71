using Ccm.GrainInterfaces.State;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;

namespace Ccm.Grains.Tests.Nodes;

public sealed class NodeCallBudgetTests
{
    /// <summary>
    /// The lookup budget (issue 17): 300 new nodes cost at most 6 reads, all batched DescribeInstances calls, and with
    /// <c>--skip-disable-source-dest-check</c> nothing else.
    /// </summary>
    [Fact]
    public async Task Initialising_300_new_nodes_makes_at_most_6_cloud_calls_all_DescribeInstances()
    {
        await using var silo = await InitialiseAsync(o => o with { DisableSourceDestCheck = false });

        Assert.InRange(silo.DescribeInstancesCalls, 3, 6);
        Assert.Equal(silo.DescribeInstancesCalls, silo.Cloud.Calls.Entries.Count); // no other read, no cloud write
    }

    /// <summary>
    /// By default each new node's primary ENI also has its source/destination check turned off, as upstream does: the
    /// check's state comes with the batched lookup (reads stay at most 6 in all) and the write is one per node, since
    /// <c>ModifyNetworkInterfaceAttribute</c> takes one ENI; a node whose check is already off costs no write.
    /// </summary>
    [Fact]
    public async Task Initialising_300_new_nodes_reads_at_most_6_times_and_turns_each_enis_check_off_once()
    {
        await using var silo = await InitialiseAsync(o => o);

        var writes = silo.Cloud.Calls.Of("ModifyNetworkInterfaceAttribute");
        Assert.Equal(300, writes.Count);
        Assert.InRange(silo.DescribeInstancesCalls, 3, 6);
        Assert.InRange(silo.Cloud.Calls.Entries.Count - writes.Count, 3, 6);
    }

    private static async Task<NodeSilo> InitialiseAsync(Func<CcmOptions, CcmOptions> configure)
    {
        // A generous window: the 300 grains must meet in the same batches even on a loaded machine.
        var window = new InstanceBatchOptions { Quiet = TimeSpan.FromMilliseconds(500), MaxWait = TimeSpan.FromSeconds(10) };
        var silo = await NodeSilo.StartAsync(configure, batch: window);
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
        return silo;
    }
}
