using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using static Ccm.EndToEnd.Tests.Services.UpstreamExample;

namespace Ccm.EndToEnd.Tests.Services;

/// <summary>
/// Upstream's pod readiness gate with a real silo against both emulators: a Deployment's pods declare
/// <c>service.readiness.alibabacloud.com/web</c> and stay unready (the emulator's kubelet honours readiness gates) until
/// the silo has made them ENI members of the Service's CLB and set their gate; then they are Ready and the
/// EndpointSlice says so.
/// </summary>
public sealed class ReadinessGateTests : IAsyncLifetime
{
    private const string Node = "e2e-eni-node";
    private const string Gate = "service.readiness.alibabacloud.com/web";

    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              run: web
          template:
            metadata:
              labels:
                run: web
            spec:
              readinessGates:
              - conditionType: service.readiness.alibabacloud.com/web
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        """;

    private const string ServiceManifest = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            service.beta.kubernetes.io/backend-type: eni
            service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: intranet
        spec:
          type: LoadBalancer
          selector:
            run: web
          ports:
          - port: 80
            targetPort: 80
        """;

    private readonly Dictionary<string, string> eniByIp = new(StringComparer.Ordinal);
    private SandboxWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await SandboxWorld.StartAsync(deployDemoApp: false);
        await world.StartSiloAsync("gates", ["--leader-elect=false"]);

        // The pods run on a node whose pod CIDR is in the VPC, each IP held by an ENI (a Terway-like network).
        AddNode(world, Node, "i-bp1e2eeninode00001", "192.168.0.41", PodCidrInVpc);
        foreach (var node in DemoWorld.Nodes)
        {
            await world.Kubectl.CheckedAsync("cordon", node.Name);
        }

        await world.Kubectl.ApplyAsync(Manifest);
        var pods = await Eventually.ValueAsync(() => Task.FromResult(Pods()), p => p.Count == 2 && p.All(x => x.Ip is not null), "two running pods", TestTimings.Generous);
        foreach (var pod in pods)
        {
            eniByIp[pod.Ip!] = world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, pod.Ip!).NetworkInterfaceId;
        }

        Assert.All(pods, p => Assert.False(p.Ready)); // held by the gate: no Service has set it
    }

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Gated_pods_become_members_then_their_gate_is_set_and_they_are_Ready()
    {
        await world.Kubectl.ApplyAsync(ServiceManifest);

        var uid = await Eventually.ValueAsync(() => Task.FromResult((string?)Service(world, "web")?["metadata"]?["uid"]), u => u is not null, "the Service", TestTimings.Generous);
        await MembersBecomeAsync(world, uid!, eniByIp.Select(e => $"eni {e.Key}:80 {e.Value}"), "the gated pods are ENI members");
        await Eventually.TrueAsync(() => Pods() is { Count: 2 } pods && pods.All(p => p.Gate == "True" && p.Ready), "their gate is set and they are Ready", TestTimings.Generous);
        await Eventually.TrueAsync(
            () => world.Kube.Objects.List("endpointslices.discovery.k8s.io", "default", "kubernetes.io/service-name=web") is [{ } slice]
                && slice["endpoints"] is JsonArray { Count: 2 } endpoints && endpoints.All(e => (bool?)e?["conditions"]?["ready"] == true),
            "the EndpointSlice shows both ready",
            TestTimings.Generous);
        Assert.DoesNotContain("FailedUpdateReadinessGate", EventReasons(world, "web"));
    }

    [Fact]
    public async Task A_refused_gate_write_is_a_Warning_Event_and_is_retried_until_the_pods_are_Ready()
    {
        world.Kube.Faults.Refuse((method, path) => method == "PATCH" && path.Contains("/pods/", StringComparison.Ordinal) && path.EndsWith("/status", StringComparison.Ordinal), 2,
            new KubeApiException(403, "Forbidden", "pods is forbidden: User cannot patch resource \"pods/status\""));

        await world.Kubectl.ApplyAsync(ServiceManifest);

        await Eventually.TrueAsync(() => EventReasons(world, "web").Contains("FailedUpdateReadinessGate"), "a Warning Event says the gate was not set", TestTimings.Generous);
        await Eventually.TrueAsync(() => Pods() is { Count: 2 } pods && pods.All(p => p.Gate == "True" && p.Ready), "the retry sets the gates and the pods are Ready", TestTimings.Generous);
    }

    /// <summary>The web pods: IP, the gate's status and whether the pod is Ready.</summary>
    private IReadOnlyList<(string? Ip, string? Gate, bool Ready)> Pods() =>
        [.. world.Kube.Objects.List("pods", "default", "run=web")
            .Where(p => p["metadata"]?["deletionTimestamp"] is null)
            .Select(p => ((string?)p["status"]?["podIP"], Condition(p, Gate), Condition(p, "Ready") == "True"))];

    private static string? Condition(JsonObject pod, string type) =>
        (string?)(pod["status"]?["conditions"] as JsonArray)?.FirstOrDefault(c => (string?)c?["type"] == type)?["status"];
}
