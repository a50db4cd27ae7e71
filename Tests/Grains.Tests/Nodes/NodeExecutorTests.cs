using Ccm.CloudClients.Ecs;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Events;
using Ccm.Grains.Nodes;
using Ccm.Grains.Tests.Fakes;
using Ccm.Grains.Tests.Nodes.Support;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>The executor's writes against the Kubernetes and OpenAPI emulators over HTTP: what each write keeps and refuses.</summary>
public sealed class NodeExecutorTests : IAsyncLifetime
{
    private readonly RecordingEventRecorder events = new();
    private KubeEmulator kube = null!;
    private Kubernetes api = null!;
    private AliyunEmulator cloud = null!;
    private (IEcsClient Client, IAsyncDisposable Provider) ecs;

    private static string Name => DemoWorld.Nodes[0].Name;

    private NodeExecutor Executor => new(api, ecs.Client, events, TimeProvider.System);

    public async Task InitializeAsync()
    {
        kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { RunControllers = false });
        api = EmulatorKube.Client(kube);
        cloud = await AliyunEmulator.StartAsync(EmulatedCloud.Options());
        ecs = EmulatedCloud.EcsClient(cloud);
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        await kube.DisposeAsync();
        await ecs.Provider.DisposeAsync();
        await cloud.DisposeAsync();
    }

    [Fact]
    public async Task The_primary_ENI_loses_its_source_destination_check_before_the_taint_goes()
    {
        var node = await api.CoreV1.ReadNodeAsync(Name);
        var eni = cloud.Cloud.Instances[0].NetworkInterfaceId;

        var result = await Executor.ApplyAsync(node, [new DisableSourceDestCheck(eni), new RemoveTaint(NodeLabels.UninitializedTaint)], default);

        Assert.Null(result.Failure);
        Assert.False(cloud.Cloud.Snapshot.NetworkInterfaces[eni].SourceDestCheck);
        Assert.Empty((await api.CoreV1.ReadNodeAsync(Name)).Spec!.Taints ?? []);
        Assert.Equal(["ModifyNetworkInterfaceAttribute"], cloud.Calls.Entries.Select(c => c.Action));
    }

    [Fact]
    public async Task A_failed_source_destination_check_write_keeps_the_taint_and_says_why_on_the_node()
    {
        var node = await api.CoreV1.ReadNodeAsync(Name);

        var result = await Executor.ApplyAsync(node, [new DisableSourceDestCheck("eni-none"), new RemoveTaint(NodeLabels.UninitializedTaint)], default);

        Assert.Equal([OperationOutcome.Failed, OperationOutcome.NotApplied], result.Operations.Select(o => o.Outcome));
        Assert.Equal("InvalidEniId.NotFound", result.Operations[0].ErrorCode);
        Assert.Single((await api.CoreV1.ReadNodeAsync(Name)).Spec!.Taints!, t => t.Key == NodeLabels.UninitializedTaint);
        var warning = Assert.Single(events.Events);
        Assert.Equal(("SyncNodeFailed", EventSeverity.Warning), (warning.Reason, warning.Severity));
        Assert.Contains("eni-none", warning.Message, StringComparison.Ordinal);
        Assert.Equal(warning.Message, Assert.Single(result.Events).Message);
    }

    [Fact]
    public async Task A_taint_added_by_someone_else_since_the_plan_was_made_is_not_lost()
    {
        var stale = await api.CoreV1.ReadNodeAsync(Name);
        kube.Objects.Patch("nodes", null, Name, KubePatchType.Json,
            """[{"op":"add","path":"/spec/taints/-","value":{"key":"dedicated","value":"gpu","effect":"NoSchedule"}}]""");

        var refused = await Executor.ApplyAsync(stale, [new RemoveTaint(NodeLabels.UninitializedTaint)], default);
        var fresh = await api.CoreV1.ReadNodeAsync(Name);
        var applied = await Executor.ApplyAsync(fresh, [new RemoveTaint(NodeLabels.UninitializedTaint)], default);

        Assert.Equal(OperationOutcome.Failed, Assert.Single(refused.Operations).Outcome);
        Assert.IsType<HttpOperationException>(refused.Failure);
        Assert.Equal(OperationOutcome.Succeeded, Assert.Single(applied.Operations).Outcome);
        Assert.Equal(["dedicated"], (await api.CoreV1.ReadNodeAsync(Name)).Spec!.Taints!.Select(t => t.Key));
    }

    [Fact]
    public async Task Each_taint_write_starts_from_the_node_the_previous_write_returned()
    {
        var node = await api.CoreV1.ReadNodeAsync(Name);
        var shutdown = new V1Taint { Key = NodeLabels.ShutdownTaint, Effect = "NoSchedule" };

        var result = await Executor.ApplyAsync(node, [new RemoveTaint(NodeLabels.UninitializedTaint), new AddTaint(shutdown)], default);

        Assert.Null(result.Failure);
        Assert.Equal([NodeLabels.ShutdownTaint], (await api.CoreV1.ReadNodeAsync(Name)).Spec!.Taints!.Select(t => t.Key));
        Assert.Equal([NodeLabels.ShutdownTaint], result.Node.Spec!.Taints!.Select(t => t.Key));
    }

    [Fact]
    public async Task A_node_without_a_taint_list_gets_one_only_if_it_did_not_change_meanwhile()
    {
        var node = await api.CoreV1.ReadNodeAsync(DemoWorld.VirtualNode.Name);
        kube.Objects.Patch("nodes", null, node.Metadata.Name!, KubePatchType.Json, """[{"op":"remove","path":"/spec/taints"}]""");
        var bare = await api.CoreV1.ReadNodeAsync(node.Metadata.Name);
        kube.Objects.Patch("nodes", null, node.Metadata.Name!, KubePatchType.Merge, """{"metadata":{"labels":{"x":"y"}}}""");
        var shutdown = new AddTaint(new V1Taint { Key = NodeLabels.ShutdownTaint, Effect = "NoSchedule" });

        var refused = await Executor.ApplyAsync(bare, [shutdown], default);
        var applied = await Executor.ApplyAsync(await api.CoreV1.ReadNodeAsync(node.Metadata.Name), [shutdown], default);

        Assert.NotNull(refused.Failure);
        Assert.Null(applied.Failure);
        Assert.Equal([NodeLabels.ShutdownTaint], (await api.CoreV1.ReadNodeAsync(node.Metadata.Name)).Spec!.Taints!.Select(t => t.Key));
    }

    [Fact]
    public async Task A_providerID_is_written_once_and_a_different_one_is_refused_by_the_server()
    {
        var node = await api.CoreV1.ReadNodeAsync(Name);

        var first = await Executor.ApplyAsync(node, [new SetProviderId(DemoWorld.Nodes[0].ProviderId)], default);
        var second = await Executor.ApplyAsync(node, [new SetProviderId("cn-hangzhou.i-other"), new RemoveTaint(NodeLabels.UninitializedTaint)], default);

        Assert.Null(first.Failure);
        Assert.Equal([OperationOutcome.Failed, OperationOutcome.NotApplied], second.Operations.Select(o => o.Outcome));
        Assert.StartsWith("422", second.Operations[0].ErrorCode, StringComparison.Ordinal);
        var live = await api.CoreV1.ReadNodeAsync(Name);
        Assert.Equal(DemoWorld.Nodes[0].ProviderId, live.Spec!.ProviderID);
        Assert.Single(live.Spec.Taints!);
        Assert.Single(events.Events, e => e.Reason == "SetProviderID");
    }

    [Fact]
    public async Task Addresses_go_through_the_status_subresource_and_replace_the_whole_list()
    {
        var node = await api.CoreV1.ReadNodeAsync(Name);
        V1NodeAddress[] addresses =
        [
            new() { Type = "InternalIP", Address = "192.168.0.11" }, new() { Type = "ExternalIP", Address = "47.1.1.1" },
            new() { Type = "Hostname", Address = Name },
        ];

        var result = await Executor.ApplyAsync(node, [new PatchAddresses(addresses), new PatchLabels(new Dictionary<string, string> { ["a"] = "b" })], default);

        Assert.Null(result.Failure);
        var live = await api.CoreV1.ReadNodeAsync(Name);
        Assert.Equal(KubernetesJson.Serialize(addresses), KubernetesJson.Serialize(live.Status!.Addresses));
        Assert.Equal("b", live.Metadata.Labels!["a"]);
        Assert.Equal("linux", live.Metadata.Labels["kubernetes.io/os"]);
    }

    [Fact]
    public async Task A_delete_needs_the_same_incarnation_and_version_and_a_node_already_gone_is_fine()
    {
        var node = await api.CoreV1.ReadNodeAsync(Name);
        kube.Objects.Patch("nodes", null, Name, KubePatchType.Merge, """{"metadata":{"labels":{"touched":"yes"}}}""");

        var stale = await Executor.ApplyAsync(node, [new DeleteNode(node.Metadata.Uid!, node.Metadata.ResourceVersion, "test")], default);
        Assert.NotNull(await api.CoreV1.ReadNodeAsync(Name).OrNullAsync());

        var current = await api.CoreV1.ReadNodeAsync(Name);
        var deleted = await Executor.ApplyAsync(current, [new DeleteNode(current.Metadata.Uid!, current.Metadata.ResourceVersion, "test")], default);
        var again = await Executor.ApplyAsync(current, [new DeleteNode(current.Metadata.Uid!, current.Metadata.ResourceVersion, "test")], default);

        Assert.Equal("409 Conflict", Assert.Single(stale.Operations).ErrorCode);
        Assert.True(deleted.Deleted, deleted.Failure?.Message);
        Assert.Null(await api.CoreV1.ReadNodeAsync(Name).OrNullAsync());
        Assert.Null(again.Failure);
    }
}
