using System.Text.Json.Nodes;
using Ccm.GrainInterfaces.State;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// Turns of the Service grain for pods that declare upstream's readiness gate, against both emulators over HTTP: the
/// pods are created in the Kubernetes emulator as a kubelet reports them (no controllers run: the test writes the
/// EndpointSlice the endpoint controller would), their ENIs in the OpenAPI emulator.
/// </summary>
public sealed class ReadinessGateTurnTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    private static readonly Func<V1Service, V1Service> Eni = Annotate("service.beta.kubernetes.io/backend-type", "eni");

    [Fact]
    public async Task Gated_pods_become_ENI_members_and_get_their_gate_set_once()
    {
        var recorder = new KubeCallRecorder();
        using var kube = EmulatorKube.Client(world.Kube, new KubeClientOptions { Qps = 0, CallObserver = recorder });
        var h = world.NewHarness(kube: kube);
        var service = await h.CreateAsync(Svc("gated", tweaks: Eni));
        var gated = await PodAsync("gated-a", "192.168.40.1", gateOf: "gated");
        var plain = await PodAsync("gated-b", "192.168.40.2", gateOf: null);
        var enis = new[] { "192.168.40.1", "192.168.40.2" }.Select(ip => world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, ip)).ToList();
        h.Cache.With(SliceOf("gated", gated, plain));

        Assert.Equal(ServiceTurn.Done, await h.TurnAsync("gated"));

        var member = Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers);
        Assert.Equal((enis[0].NetworkInterfaceId, "192.168.40.1"), (member.ServerId, member.ServerIp));
        var gate = Gate(await ReadAsync("gated-a"), "gated");
        Assert.Equal(("True", ReadinessGate.RegisteredReason, ReadinessGate.RegisteredMessage), (gate?.Status, gate?.Reason, gate?.Message));
        Assert.Null(Gate(await ReadAsync("gated-b"), "gated"));

        // The slice still says unready (the kubelet has not caught up): nothing is written again, the ungated pod not re-read.
        var version = (await ReadAsync("gated-a")).Metadata.ResourceVersion;
        world.Cloud.Calls.Clear();
        await h.TurnAsync("gated");

        Assert.Equal(version, (await ReadAsync("gated-a")).Metadata.ResourceVersion);
        Assert.DoesNotContain(world.Cloud.Calls.Entries, c => !c.Action.StartsWith("Describe", StringComparison.Ordinal));
        Assert.Equal(1, Count(recorder, "patch", "status", "gated-a"));
        Assert.Equal(1, Count(recorder, "get", null, "gated-b"));
        Assert.Equal(0, Count(recorder, "patch", "status", "gated-b"));
    }

    [Fact]
    public async Task A_Service_whose_endpoints_are_all_serving_reads_no_pod()
    {
        var recorder = new KubeCallRecorder();
        using var kube = EmulatorKube.Client(world.Kube, new KubeClientOptions { Qps = 0, CallObserver = recorder });
        var h = world.NewHarness(kube: kube);
        await h.CreateAsync(Svc("serving", tweaks: Policy("Local")));
        var pod = await PodAsync("serving-a", "172.20.0.41", gateOf: null, ready: true);
        h.Cache.With(SliceOf("serving", pod));

        await h.TurnAsync("serving");

        Assert.DoesNotContain(recorder.Calls, c => c.Resource == "pods");
    }

    [Fact]
    public async Task A_gated_pod_whose_containers_are_not_ready_is_no_member_and_is_looked_at_again_in_ten_seconds()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("waiting", tweaks: Eni));
        var pod = await PodAsync("waiting-a", "192.168.40.11", gateOf: "waiting", containersReady: false);
        var eni = world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.40.11");
        h.Cache.With(SliceOf("waiting", pod));

        var turn = await h.TurnAsync("waiting");

        Assert.Equal(ReadinessGate.Recheck, turn.Result.RequeueDelay);
        Assert.Empty(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers);
        Assert.Null(Gate(await ReadAsync("waiting-a"), "waiting"));

        // Its containers become ready: no EndpointSlice changes, the recheck finds it.
        await KubeletReportsAsync("waiting-a", "192.168.40.11", containersReady: true, ready: false);
        Assert.Equal(ServiceTurn.Done, await h.TurnAsync("waiting"));

        Assert.Equal(eni.NetworkInterfaceId, Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers).ServerId);
        Assert.Equal("True", Gate(await ReadAsync("waiting-a"), "waiting")?.Status);
    }

    [Fact]
    public async Task Under_Local_policy_the_node_of_a_gated_pod_becomes_a_member_and_the_pod_gets_its_gate()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("local-gated", tweaks: Policy("Local")));
        var pod = await PodAsync("local-gated-a", "172.20.1.21", gateOf: "local-gated", node: DemoWorld.Nodes[1].Name);
        h.Cache.With(SliceOf("local-gated", pod));

        await h.TurnAsync("local-gated");

        var member = Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers);
        Assert.Equal(DemoWorld.Nodes[1].InstanceId, member.ServerId);
        Assert.Equal("True", Gate(await ReadAsync("local-gated-a"), "local-gated")?.Status);
    }

    [Fact]
    public async Task A_gated_pod_whose_IP_no_ENI_holds_gets_its_gate_set_False_as_upstream_s_invalid_backend()
    {
        var h = world.NewHarness();
        await h.CreateAsync(Svc("invalid-gated", tweaks: Eni));
        var pod = await PodAsync("invalid-gated-a", "192.168.40.31", gateOf: "invalid-gated");
        h.Cache.With(SliceOf("invalid-gated", pod));

        await Assert.ThrowsAsync<ServiceSyncException>(() => h.TurnAsync("invalid-gated"));

        var gate = Gate(await ReadAsync("invalid-gated-a"), "invalid-gated");
        Assert.Equal(("False", ReadinessGate.InvalidReason), (gate?.Status, gate?.Reason));
    }

    [Fact]
    public async Task A_refused_gate_write_is_a_Warning_Event_and_a_retry_that_sets_it()
    {
        var h = world.NewHarness();
        var service = await h.CreateAsync(Svc("refused", tweaks: Eni));
        var pod = await PodAsync("refused-a", "192.168.40.21", gateOf: "refused");
        world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, "192.168.40.21");
        h.Cache.With(SliceOf("refused", pod));
        world.Kube.Faults.Refuse((method, path) => method == "PATCH" && path.EndsWith("/pods/refused-a/status", StringComparison.Ordinal), 1,
            new KubeApiException(403, "Forbidden", "pods \"refused-a\" is forbidden: User cannot patch resource \"pods/status\""));

        await Assert.ThrowsAsync<ServiceSyncException>(() => h.TurnAsync("refused"));

        var warning = Assert.Single(h.Events.Warnings);
        Assert.Equal(ServiceEvents.GateFailed, warning.Reason);
        Assert.Contains("default/refused-a", warning.Message, StringComparison.Ordinal);
        Assert.Equal(GrainPhase.Failed, h.Board.Get<ServiceGrainState>("default/refused")!.Phase);
        Assert.Single(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers); // the cloud side is done
        Assert.Null(Gate(await ReadAsync("refused-a"), "refused"));

        world.Cloud.Calls.Clear();
        Assert.Equal(ServiceTurn.Done, await h.TurnAsync("refused"));

        Assert.Equal("True", Gate(await ReadAsync("refused-a"), "refused")?.Status);
        Assert.DoesNotContain(world.Cloud.Calls.Entries, c => !c.Action.StartsWith("Describe", StringComparison.Ordinal));
    }

    private static int Count(KubeCallRecorder recorder, string verb, string? subresource, string name) =>
        (int)recorder.Counts.Where(c => c.Key.Resource == "pods" && c.Key.Verb == verb && c.Key.Subresource == subresource && c.Key.Name == name).Sum(c => c.Value);

    private static V1PodCondition? Gate(V1Pod pod, string service) => ReadinessGate.Condition(pod, ReadinessGate.ConditionType(service));

    private Task<V1Pod> ReadAsync(string name) => world.KubeClient.CoreV1.ReadNamespacedPodAsync(name, "default");

    /// <summary>A pod bound to a node, declaring the gate of <paramref name="gateOf"/>'s Service (or none), as its kubelet reports it.</summary>
    private async Task<V1Pod> PodAsync(string name, string ip, string? gateOf, bool containersReady = true, bool ready = false, string? node = null)
    {
        await world.KubeClient.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
            Spec = new V1PodSpec
            {
                NodeName = node ?? DemoWorld.Nodes[0].Name,
                Containers = [new V1Container { Name = "web", Image = "nginx:1.27" }],
                ReadinessGates = gateOf is null ? null : [new V1PodReadinessGate { ConditionType = ReadinessGate.ConditionType(gateOf) }],
            },
        }, "default");
        return await KubeletReportsAsync(name, ip, containersReady, ready);
    }

    private Task<V1Pod> KubeletReportsAsync(string name, string ip, bool containersReady, bool ready) =>
        world.KubeClient.CoreV1.PatchNamespacedPodStatusAsync(KubePatch.StrategicMerge(new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["podIP"] = ip,
                ["conditions"] = new JsonArray(
                    new JsonObject { ["type"] = "ContainersReady", ["status"] = containersReady ? "True" : "False" },
                    new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
            },
        }), name, "default");

    /// <summary>The slice the endpoint controller writes for these pods: ready and serving as each pod's Ready condition.</summary>
    private static V1EndpointSlice SliceOf(string service, params V1Pod[] pods) =>
        Slice(service, pods.Select(p => (p.Status.PodIP, p.Spec.NodeName)), name: service + "-1").Clone(s =>
        {
            for (var i = 0; i < pods.Length; i++)
            {
                var ready = ReadinessGate.Condition(pods[i], "Ready")?.Status == "True";
                s.Endpoints[i].Conditions = new V1EndpointConditions { Ready = ready, Serving = ready, Terminating = false };
                s.Endpoints[i].TargetRef = new V1ObjectReference { Kind = "Pod", NamespaceProperty = "default", Name = pods[i].Metadata.Name, Uid = pods[i].Metadata.Uid };
            }
        });
}
