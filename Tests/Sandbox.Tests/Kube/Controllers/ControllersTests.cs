using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube.Controllers;

/// <summary>The controllers stand-in, each test on an emulator of its own (they change nodes).</summary>
public sealed class ControllersTests : IAsyncLifetime
{
    private KubeEmulator emulator = null!;

    private KubeObjects Objects => emulator.Objects;

    public async Task InitializeAsync() => emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions());

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task A_deployment_gets_ready_pods_round_robin_on_the_real_nodes_with_ips_from_their_pod_cidrs()
    {
        Objects.Create(Manifests.Deployment("web", "default", 6, "web"));

        var pods = await ReadyPodsAsync("app=web", 6);

        var nodes = DemoWorld.Nodes.ToDictionary(n => n.Name);
        Assert.All(pods, p =>
        {
            var node = nodes[(string)p["spec"]!["nodeName"]!];
            Assert.StartsWith(node.PodCidr[..^4], (string)p["status"]!["podIP"]!);
            Assert.Equal(node.PrivateIp, (string?)p["status"]!["hostIP"]);
            Assert.Equal("Running", (string?)p["status"]!["phase"]);
            Assert.Equal("Deployment", (string?)p["metadata"]!["ownerReferences"]![0]!["kind"]);
            Assert.NotNull(p["metadata"]!["labels"]!["pod-template-hash"]);
        });
        Assert.Equal([2, 2, 2], pods.GroupBy(p => (string?)p["spec"]!["nodeName"]).Select(g => g.Count()));
        Assert.DoesNotContain(pods, p => (string?)p["spec"]!["nodeName"] == DemoWorld.VirtualNode.Name);
        Assert.Equal(6, pods.Select(p => (string?)p["status"]!["podIP"]).Distinct().Count());
        await Eventually.TrueAsync(() => (int?)Objects.Get("deployments.apps", "default", "web")?["status"]?["readyReplicas"] == 6, "deployment status");
    }

    [Fact]
    public async Task Cordoned_nodes_get_no_new_pods()
    {
        Objects.Patch("nodes", null, "demo-node-1", KubePatchType.Merge, """{"spec":{"unschedulable":true}}""");
        Objects.Patch("nodes", null, "demo-node-2", KubePatchType.Merge, """{"spec":{"unschedulable":true}}""");

        Objects.Create(Manifests.Deployment("web", "default", 3, "web"));

        var pods = await ReadyPodsAsync("app=web", 3);
        Assert.All(pods, p => Assert.Equal("demo-node-3", (string?)p["spec"]!["nodeName"]));
    }

    [Fact]
    public async Task Without_a_schedulable_node_pods_stay_pending_and_run_once_one_appears()
    {
        foreach (var node in DemoWorld.Nodes)
        {
            Objects.Patch("nodes", null, node.Name, KubePatchType.Merge, """{"spec":{"unschedulable":true}}""");
        }

        Objects.Create(Manifests.Deployment("web", "default", 2, "web"));
        await Eventually.TrueAsync(() => Objects.List("pods", "default", "app=web") is { Count: 2 } pods
            && pods.All(p => (string?)p["status"]!["conditions"]?[0]?["reason"] == "Unschedulable"), "pending, unschedulable pods");

        Objects.Patch("nodes", null, "demo-node-2", KubePatchType.Merge, """{"spec":{"unschedulable":false}}""");

        var running = await ReadyPodsAsync("app=web", 2);
        Assert.All(running, p => Assert.Equal("demo-node-2", (string?)p["spec"]!["nodeName"]));
    }

    [Fact]
    public async Task Scaling_down_deletes_pods_and_scaling_up_adds_them()
    {
        Objects.Create(Manifests.Deployment("web", "default", 4, "web"));
        await ReadyPodsAsync("app=web", 4);

        Objects.Patch("deployments.apps", "default", "web", KubePatchType.Merge, """{"spec":{"replicas":1}}""");
        await Eventually.TrueAsync(() => Objects.List("pods", "default", "app=web").Count == 1, "one pod left");
        Objects.Patch("deployments.apps", "default", "web", KubePatchType.Merge, """{"spec":{"replicas":3}}""");

        await ReadyPodsAsync("app=web", 3);
    }

    [Fact]
    public async Task Deleting_a_node_reschedules_its_pods()
    {
        Objects.Create(Manifests.Deployment("web", "default", 3, "web"));
        await ReadyPodsAsync("app=web", 3);

        Objects.Delete("nodes", null, "demo-node-1");

        var pods = await Eventually.ValueAsync(() => Task.FromResult(Objects.List("pods", "default", "app=web")),
            p => p.Count == 3 && p.All(IsReady) && p.All(x => (string?)x["spec"]!["nodeName"] != "demo-node-1"), "pods off the deleted node");
        Assert.Equal(["demo-node-2", "demo-node-3"], pods.Select(p => (string?)p["spec"]!["nodeName"]).Distinct().Order());
    }

    [Fact]
    public async Task A_selecting_service_gets_an_endpoint_slice_that_follows_its_pods()
    {
        Objects.Create(Manifests.Deployment("web", "default", 2, "web"));
        var svc = Manifests.Service("web", "default", "LoadBalancer", 80);
        svc["spec"]!["ports"]![0]!["targetPort"] = "http";
        Objects.Create(svc);

        var slice = await SliceAsync("web", s => s["endpoints"]!.AsArray().Count == 2);

        Assert.Equal("endpointslice-controller.k8s.io", (string?)slice["metadata"]!["labels"]!["endpointslice.kubernetes.io/managed-by"]);
        Assert.Equal("IPv4", (string?)slice["addressType"]);
        Assert.Equal("Service", (string?)slice["metadata"]!["ownerReferences"]![0]!["kind"]);
        var port = Assert.Single(slice["ports"]!.AsArray())!;
        Assert.Equal(("p80", 8080, "TCP"), ((string?)port["name"], (int)port["port"]!, (string?)port["protocol"]));
        var pods = Objects.List("pods", "default", "app=web");
        foreach (var endpoint in slice["endpoints"]!.AsArray())
        {
            var pod = pods.Single(p => (string?)p["metadata"]!["name"] == (string?)endpoint!["targetRef"]!["name"]);
            Assert.Equal((string?)pod["status"]!["podIP"], (string?)endpoint!["addresses"]![0]);
            Assert.Equal((string?)pod["spec"]!["nodeName"], (string?)endpoint["nodeName"]);
            Assert.True((bool)endpoint["conditions"]!["ready"]!);
            Assert.True((bool)endpoint["conditions"]!["serving"]!);
            Assert.False((bool)endpoint["conditions"]!["terminating"]!);
        }

        Objects.Patch("deployments.apps", "default", "web", KubePatchType.Merge, """{"spec":{"replicas":3}}""");
        await SliceAsync("web", s => s["endpoints"]!.AsArray().Count == 3);
        Objects.Patch("services", "default", "web", KubePatchType.Merge, """{"spec":{"selector":{"app":"nothing"}}}""");
        await SliceAsync("web", s => s["endpoints"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Each_rewrite_of_a_slice_stamps_the_time_of_the_change_behind_it()
    {
        const string TriggerTime = "endpoints.kubernetes.io/last-change-trigger-time";
        Objects.Create(Manifests.Deployment("web", "default", 1, "web"));
        Objects.Create(Manifests.Service("web", "default"));
        var first = await SliceAsync("web", s => s["endpoints"]!.AsArray().Count == 1);
        var created = DateTimeOffset.Parse((string)first["metadata"]!["annotations"]![TriggerTime]!, System.Globalization.CultureInfo.InvariantCulture);

        var scaledAt = DateTimeOffset.UtcNow;
        Objects.Patch("deployments.apps", "default", "web", KubePatchType.Merge, """{"spec":{"replicas":2}}""");
        var second = await SliceAsync("web", s => s["endpoints"]!.AsArray().Count == 2);
        var rewritten = DateTimeOffset.Parse((string)second["metadata"]!["annotations"]![TriggerTime]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(rewritten > created, $"{rewritten:O} after {created:O}");
        Assert.True(rewritten >= scaledAt.AddSeconds(-1), $"{rewritten:O} at the scale-up ({scaledAt:O}), not before it");
    }

    [Fact]
    public async Task Slices_go_with_their_service_and_pods_with_their_deployment()
    {
        Objects.Create(Manifests.Deployment("web", "default", 2, "web"));
        Objects.Create(Manifests.Service("web", "default"));
        await SliceAsync("web", s => s["endpoints"]!.AsArray().Count == 2);

        Objects.Delete("services", "default", "web");
        Objects.Delete("deployments.apps", "default", "web");

        await Eventually.TrueAsync(() => Objects.List("endpointslices.discovery.k8s.io", "default", "kubernetes.io/service-name=web").Count == 0, "slices removed");
        await Eventually.TrueAsync(() => Objects.List("pods", "default", "app=web").Count == 0, "pods removed");
    }

    [Fact]
    public async Task Readiness_gates_hold_a_pod_unready_until_their_condition_is_true()
    {
        var deployment = Manifests.Deployment("web", "default", 1, "web");
        deployment["spec"]!["template"]!["spec"]!["readinessGates"] = new JsonArray(new JsonObject { ["conditionType"] = "example.com/lb-ready" });
        Objects.Create(deployment);
        Objects.Create(Manifests.Service("web", "default"));
        var pod = await Eventually.ValueAsync(() => Task.FromResult(Objects.List("pods", "default", "app=web")),
            p => p.Count == 1 && (string?)p[0]["status"]!["phase"] == "Running", "a running pod");
        Assert.False(IsReady(pod[0]));
        await SliceAsync("web", s => s["endpoints"]!.AsArray() is [{ } e] && !(bool)e["conditions"]!["ready"]!);

        var name = (string)pod[0]["metadata"]!["name"]!;
        Objects.Patch("pods", "default", name, KubePatchType.StrategicMerge,
            """{"status":{"conditions":[{"type":"example.com/lb-ready","status":"True"}]}}""", "status");

        await Eventually.TrueAsync(() => IsReady(Objects.Get("pods", "default", name)!), "ready once the gate passes");
        await SliceAsync("web", s => s["endpoints"]!.AsArray() is [{ } e] && (bool)e["conditions"]!["ready"]!);
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_content_then_the_namespace()
    {
        Objects.Create(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "doomed" } });
        Objects.Create(Manifests.ConfigMap("a", "doomed"));
        Objects.Create(Manifests.Deployment("web", "doomed", 2, "web"));
        await Eventually.TrueAsync(() => Objects.List("pods", "doomed").Count == 2, "pods in the namespace");

        var marked = Objects.Delete("namespaces", null, "doomed");

        Assert.Equal("Terminating", (string?)marked["status"]!["phase"]);
        await Eventually.TrueAsync(() => Objects.Get("namespaces", null, "doomed") is null, "namespace removed");
        Assert.Empty(Objects.List("pods", "doomed"));
        Assert.Empty(Objects.List("configmaps", "doomed"));
    }

    private async Task<IReadOnlyList<JsonObject>> ReadyPodsAsync(string selector, int count) =>
        await Eventually.ValueAsync(() => Task.FromResult(Objects.List("pods", "default", selector)),
            p => p.Count == count && p.All(IsReady), $"{count} ready pods for {selector}");

    private async Task<JsonObject> SliceAsync(string service, Func<JsonObject, bool> accept) =>
        (await Eventually.ValueAsync(
            () => Task.FromResult(Objects.List("endpointslices.discovery.k8s.io", "default", $"kubernetes.io/service-name={service}")),
            s => s.Count == 1 && accept(s[0]), $"the endpoint slice of {service}"))[0];

    private static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions && conditions.Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True");
}
