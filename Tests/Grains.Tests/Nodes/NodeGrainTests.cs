using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Demo;
using k8s.Models;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>The Node grain in a real silo against both emulators over HTTP; the test plays the watcher in rounds.</summary>
public sealed class NodeGrainTests
{
    [Fact]
    public async Task Demo_nodes_get_their_providerID_labels_and_addresses_and_lose_the_uninitialized_taint()
    {
        await using var silo = await NodeSilo.StartAsync();
        var virtualBefore = silo.Node(DemoWorld.VirtualNode.Name)!;

        await silo.RoundAsync();

        foreach (var demo in DemoWorld.Nodes)
        {
            var node = silo.Node(demo.Name)!;
            Assert.Equal(demo.ProviderId, node.Spec!.ProviderID);
            Assert.Equal(demo.InstanceType, node.Metadata.Labels![NodeLabels.InstanceType]);
            Assert.Equal(demo.InstanceType, node.Metadata.Labels[NodeLabels.BetaInstanceType]);
            Assert.Equal(DemoWorld.RegionId, node.Metadata.Labels[NodeLabels.Region]);
            Assert.Equal(DemoWorld.RegionId, node.Metadata.Labels[NodeLabels.FailureDomainRegion]);
            Assert.Equal(demo.ZoneId, node.Metadata.Labels[NodeLabels.Zone]);
            Assert.Equal(demo.ZoneId, node.Metadata.Labels[NodeLabels.FailureDomainZone]);
            Assert.Equal(demo.Name, node.Metadata.Labels["kubernetes.io/hostname"]);
            Assert.Equal([("InternalIP", demo.PrivateIp), ("Hostname", demo.Name)], node.Status!.Addresses!.Select(a => (a.Type!, a.Address!)));
            Assert.Empty(node.Spec.Taints ?? []);
            var state = silo.State(demo.Name)!;
            Assert.Equal((GrainPhase.Progressing, demo.InstanceId, ProviderIdSource.LookedUpByIp), (state.Phase, state.InstanceId, state.ProviderIdSource));
            Assert.Equal((demo.ZoneId, demo.InstanceType, "Running", true), (state.ZoneId, state.InstanceType, state.InstanceStatus, state.Initialized));
            Assert.All(Assert.Single(state.RecentPlans).Operations, o => Assert.Equal(OperationOutcome.Succeeded, o.Outcome));
        }

        var virtualAfter = silo.Node(DemoWorld.VirtualNode.Name)!;
        Assert.Equal(virtualBefore.Metadata.ResourceVersion, virtualAfter.Metadata.ResourceVersion);
        Assert.Equal(GrainPhase.Skipped, silo.State(DemoWorld.VirtualNode.Name)!.Phase);
        Assert.Contains("virtual-kubelet", silo.State(DemoWorld.VirtualNode.Name)!.Reason, StringComparison.Ordinal);
        Assert.Equal(3, silo.Events.Events.Count(e => e is { Severity: EventSeverity.Normal, Reason: "SetProviderID" }));
        Assert.Empty(silo.Events.Warnings);
        Assert.All(DemoWorld.Nodes, d => Assert.False(silo.Cloud.Cloud.Snapshot.NetworkInterfaces[PrimaryEni(silo, d.InstanceId)].SourceDestCheck));
        Assert.Equal((1, 3), (silo.Cloud.Calls.CountOf("DescribeNetworkInterfaces"), silo.Cloud.Calls.CountOf("ModifyNetworkInterfaceAttribute")));
        Assert.DoesNotContain(EmulatedCloud.AccessKeySecret, silo.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_EIP_bound_to_the_instance_becomes_the_ExternalIP()
    {
        await using var silo = await NodeSilo.StartAsync();
        var demo = DemoWorld.Nodes[2];
        silo.Cloud.Cloud.AddEipAddress("47.96.10.20", demo.InstanceId);

        await silo.RoundAsync(demo.Name);

        Assert.Equal([("InternalIP", demo.PrivateIp), ("ExternalIP", "47.96.10.20"), ("Hostname", demo.Name)],
            silo.Node(demo.Name)!.Status!.Addresses!.Select(a => (a.Type!, a.Address!)));
        Assert.Equal(["47.96.10.20"], silo.State(demo.Name)!.ExternalIps);
    }

    [Fact]
    public async Task A_second_round_finds_every_node_in_step_and_writes_nothing()
    {
        await using var silo = await NodeSilo.StartAsync();
        await silo.RoundAsync();
        var versions = silo.Nodes().ToDictionary(n => n.Metadata.Name!, n => n.Metadata.ResourceVersion);

        await silo.RoundAsync();

        Assert.Equal(versions, silo.Nodes().ToDictionary(n => n.Metadata.Name!, n => n.Metadata.ResourceVersion));
        Assert.All(DemoWorld.Nodes, d => Assert.Equal(GrainPhase.Ready, silo.State(d.Name)!.Phase));
        Assert.All(DemoWorld.Nodes, d => Assert.Single(silo.State(d.Name)!.RecentPlans));
    }

    [Fact]
    public async Task Dry_run_publishes_the_plan_and_writes_nothing()
    {
        await using var silo = await NodeSilo.StartAsync(o => o with { DryRun = true });
        var versions = silo.Nodes().ToDictionary(n => n.Metadata.Name!, n => n.Metadata.ResourceVersion);

        await silo.RoundAsync();

        Assert.Equal(versions, silo.Nodes().ToDictionary(n => n.Metadata.Name!, n => n.Metadata.ResourceVersion));
        var state = silo.State(DemoWorld.Nodes[0].Name)!;
        Assert.Equal(GrainPhase.PlanPending, state.Phase);
        var plan = Assert.Single(state.RecentPlans);
        Assert.True(plan.DryRun);
        Assert.Equal(["SetProviderID", "PatchLabels", "DisableSourceDestCheck", "RemoveTaint"], plan.Operations.Select(o => o.Action));
        Assert.All(plan.Operations, o => Assert.Equal(OperationOutcome.NotApplied, o.Outcome));
        Assert.Empty(silo.Events.Events);
        Assert.Equal(0, silo.Cloud.Calls.CountOf("ModifyNetworkInterfaceAttribute"));
    }

    [Fact]
    public async Task A_failed_lookup_is_retried_by_the_grains_until_the_cloud_answers()
    {
        await using var silo = await NodeSilo.StartAsync();
        silo.Cloud.Faults.SetErrorRate(1.0, "DescribeInstances");

        await silo.RoundAsync(DemoWorld.Nodes[0].Name);
        var failed = silo.State(DemoWorld.Nodes[0].Name)!;
        Assert.Equal(GrainPhase.Failed, failed.Phase);
        Assert.NotNull(failed.LastError);
        silo.Cloud.Faults.Clear();

        await Ccm.TestSupport.Eventually.TrueAsync(
            () => silo.Node(DemoWorld.Nodes[0].Name)!.Spec!.ProviderID == DemoWorld.Nodes[0].ProviderId, "the retry set the providerID");
        Assert.Null(silo.Node(DemoWorld.Nodes[1].Name)!.Spec!.ProviderID);
    }

    [Fact]
    public async Task A_turn_on_a_stale_copy_of_the_node_plans_again_without_a_failure()
    {
        await using var silo = await NodeSilo.StartAsync();
        var name = DemoWorld.Nodes[0].Name;
        await silo.RoundAsync(name);
        var initialised = silo.Node(name)!;
        Assert.DoesNotContain(initialised.Spec!.Taints ?? [], t => t.Key == NodeLabels.UninitializedTaint);
        silo.Cloud.Calls.Clear();

        // The cache still holds the Node as it was before the grain's own writes, as when the watch lags them.
        var stale = initialised.Clone(n => n.Spec.Taints = [new V1Taint { Key = NodeLabels.UninitializedTaint, Effect = "NoSchedule", Value = "true" }]);
        silo.Cache.With(stale);
        await silo.Silo.Signal<INodeGrain>(name);
        await Ccm.TestSupport.Eventually.TrueAsync(
            () => silo.Logs.Entries.Any(e => e.Message.Contains("changed since the cache's copy", StringComparison.Ordinal)), "the stale turn was noticed");
        await silo.RoundAsync(name);

        Assert.DoesNotContain(silo.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Equal(GrainPhase.Ready, silo.State(name)!.Phase);
        Assert.DoesNotContain(silo.Node(name)!.Spec!.Taints ?? [], t => t.Key == NodeLabels.UninitializedTaint);
        Assert.Empty(silo.Cloud.Calls.Entries); // the ENI it turned off is neither read nor written again
    }

    [Fact]
    public async Task With_skip_disable_source_dest_check_nodes_are_initialised_without_reading_or_writing_their_ENIs()
    {
        await using var silo = await NodeSilo.StartAsync(o => o with { DisableSourceDestCheck = false });

        await silo.RoundAsync();

        Assert.All(DemoWorld.Nodes, d => Assert.Empty(silo.Node(d.Name)!.Spec!.Taints ?? []));
        Assert.All(DemoWorld.Nodes, d => Assert.True(silo.Cloud.Cloud.Snapshot.NetworkInterfaces[PrimaryEni(silo, d.InstanceId)].SourceDestCheck));
        Assert.Equal((0, 0), (silo.Cloud.Calls.CountOf("DescribeNetworkInterfaces"), silo.Cloud.Calls.CountOf("ModifyNetworkInterfaceAttribute")));
    }

    [Fact]
    public async Task A_node_whose_ENI_cannot_be_changed_keeps_its_taint_until_the_write_succeeds()
    {
        await using var silo = await NodeSilo.StartAsync();
        var demo = DemoWorld.Nodes[0];
        silo.Cloud.Faults.SetErrorRate(1.0, "ModifyNetworkInterfaceAttribute");

        await silo.RoundAsync(demo.Name);

        Assert.Contains(silo.Node(demo.Name)!.Spec!.Taints!, t => t.Key == NodeLabels.UninitializedTaint);
        Assert.Equal(demo.ProviderId, silo.Node(demo.Name)!.Spec!.ProviderID); // what comes before the check is applied
        Assert.Contains(silo.Events.Warnings, e => e.Reason == "SyncNodeFailed" && e.Message.Contains(PrimaryEni(silo, demo.InstanceId), StringComparison.Ordinal));
        Assert.Equal(GrainPhase.Failed, silo.State(demo.Name)!.Phase);
        silo.Cloud.Faults.Clear();

        await Ccm.TestSupport.Eventually.TrueAsync(() => silo.Node(demo.Name)!.Spec!.Taints is not { Count: > 0 }, "the retry removes the taint");
        Assert.False(silo.Cloud.Cloud.Snapshot.NetworkInterfaces[PrimaryEni(silo, demo.InstanceId)].SourceDestCheck);
    }

    private static string PrimaryEni(NodeSilo silo, string instanceId) =>
        silo.Cloud.Cloud.Instances.Single(i => i.InstanceId == instanceId).NetworkInterfaceId;
}
