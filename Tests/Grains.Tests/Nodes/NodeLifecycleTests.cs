using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>Nodes whose instance stops or goes away: exactly when a Node is tainted, kept or deleted.</summary>
public sealed class NodeLifecycleTests
{
    [Fact]
    public async Task A_terminated_instance_deletes_its_Node_only_once_Ready_is_Unknown()
    {
        await using var silo = await NodeSilo.StartAsync();
        var demo = DemoWorld.Nodes[0];
        await silo.RoundAsync();
        silo.Cloud.Cloud.TerminateInstance(demo.InstanceId);

        silo.SetReady(demo.Name, "False");
        await silo.RoundAsync(demo.Name);
        Assert.NotNull(silo.Node(demo.Name));
        Assert.Contains("kept while its Ready condition is False", silo.State(demo.Name)!.Reason, StringComparison.Ordinal);

        silo.SetReady(demo.Name, "True");
        await silo.RoundAsync(demo.Name);
        Assert.NotNull(silo.Node(demo.Name));
        Assert.Contains("kept while its Ready condition is True", silo.State(demo.Name)!.Reason, StringComparison.Ordinal);

        silo.SetReady(demo.Name, "Unknown");
        await silo.RoundAsync(demo.Name);
        Assert.Null(silo.Node(demo.Name));
        Assert.Equal(GrainPhase.Deleting, silo.State(demo.Name)!.Phase);
        var deleting = Assert.Single(silo.Events.Events, e => e.Reason == "DeletingNode");
        Assert.Equal(EventSeverity.Normal, deleting.Severity);
        Assert.Contains(demo.InstanceId, deleting.Message, StringComparison.Ordinal);
        Assert.All(DemoWorld.Nodes.Skip(1), d => Assert.NotNull(silo.Node(d.Name)));

        await silo.RoundAsync(demo.Name);
        Assert.Null(silo.State(demo.Name)); // the grain of a Node that is gone forgets it
    }

    [Fact]
    public async Task A_Node_that_was_replaced_under_the_same_name_is_not_deleted()
    {
        await using var silo = await NodeSilo.StartAsync();
        var demo = DemoWorld.Nodes[0];
        await silo.RoundAsync();
        silo.Cloud.Cloud.TerminateInstance(demo.InstanceId);
        silo.SetReady(demo.Name, "Unknown");
        silo.Cache.With(silo.Node(demo.Name)!); // the cache holds the old incarnation...
        var old = silo.Node(demo.Name)!;
        silo.Kube.Objects.Delete("nodes", null, demo.Name); // ...while a new one registers under the same name
        silo.Kube.Objects.Create(NodeManifests.Node(demo.Name, demo.PrivateIp, demo.ProviderId));

        await silo.Silo.Signal<Ccm.GrainInterfaces.INodeGrain>(demo.Name);
        await Ccm.TestSupport.Eventually.TrueAsync(() => silo.State(demo.Name)?.Phase == GrainPhase.Failed, "the delete was refused");

        Assert.NotEqual(old.Metadata.Uid, silo.Node(demo.Name)!.Metadata.Uid);
        Assert.Contains("409", silo.State(demo.Name)!.LastError!.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_instance_taints_its_NotReady_Node_and_the_taint_goes_when_Ready_again()
    {
        await using var silo = await NodeSilo.StartAsync();
        var demo = DemoWorld.Nodes[1];
        await silo.RoundAsync();
        silo.Kube.Objects.Patch("nodes", null, demo.Name, KubePatchType.Merge,
            """{"spec":{"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]}}""");
        silo.Cloud.Cloud.StopInstance(demo.InstanceId);

        silo.SetReady(demo.Name, "False");
        await silo.RoundAsync(demo.Name);

        Assert.Equal(["dedicated", NodeLabels.ShutdownTaint], silo.Node(demo.Name)!.Spec!.Taints!.Select(t => t.Key));
        Assert.Equal("NoSchedule", silo.Node(demo.Name)!.Spec!.Taints![1].Effect);
        Assert.Equal((true, "Stopped"), (silo.State(demo.Name)!.ShutdownTaint, silo.State(demo.Name)!.InstanceStatus));

        silo.Cloud.Cloud.StartInstance(demo.InstanceId);
        silo.SetReady(demo.Name, "True");
        await silo.RoundAsync(demo.Name);

        Assert.Equal(["dedicated"], silo.Node(demo.Name)!.Spec!.Taints!.Select(t => t.Key));
        Assert.False(silo.State(demo.Name)!.ShutdownTaint);
    }

    [Fact]
    public async Task A_stopped_instance_keeps_its_Node_even_when_Ready_is_Unknown()
    {
        await using var silo = await NodeSilo.StartAsync();
        var demo = DemoWorld.Nodes[2];
        await silo.RoundAsync();
        silo.Cloud.Cloud.StopInstance(demo.InstanceId);

        silo.SetReady(demo.Name, "Unknown");
        await silo.RoundAsync(demo.Name);

        Assert.Contains(NodeLabels.ShutdownTaint, silo.Node(demo.Name)!.Spec!.Taints!.Select(t => t.Key));
        Assert.DoesNotContain(silo.Events.Events, e => e.Reason == "DeletingNode");
    }
}
