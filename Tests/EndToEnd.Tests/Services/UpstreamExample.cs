using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Aliyun.State;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Services;

/// <summary>
/// The upstream documentation's first example (an nginx Deployment of two replicas behind an intranet CLB), as a
/// user applies it with kubectl, and what a test needs to look at the result in both emulators.
/// </summary>
public static class UpstreamExample
{
    public const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx
          labels:
            run: nginx
        spec:
          replicas: 2
          selector:
            matchLabels:
              run: nginx
          template:
            metadata:
              labels:
                run: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                ports:
                - containerPort: 80
                  protocol: TCP
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations:
            service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: "intranet"
          name: nginx
          namespace: default
        spec:
          ports:
          - port: 80
            protocol: TCP
            targetPort: 80
          selector:
            run: nginx
          type: LoadBalancer
        """;

    /// <summary>
    /// Sets each demo node's providerID as a kubelet started with <c>--provider-id</c> does, so backends do not wait
    /// for a node controller (this branch runs the Service controller alone).
    /// </summary>
    public static async Task SetProviderIdsAsync(Kubectl kubectl)
    {
        foreach (var node in DemoWorld.Nodes)
        {
            await kubectl.CheckedAsync("patch", "node", node.Name, "--type=merge", "-p", $$$"""{"spec":{"providerID":"{{{node.ProviderId}}}"}}""");
        }
    }

    public static JsonObject? Service(SandboxWorld world, string name = "nginx") => world.Kube.Objects.Get("services", "default", name);

    /// <summary>The CLB carrying this Service's ownership tag (<c>"a"</c> + UID without dashes, 32 characters).</summary>
    public static LoadBalancer? LoadBalancerOf(SandboxWorld world, string uid) =>
        world.Cloud.Cloud.LoadBalancers.SingleOrDefault(l => l.Tags.Any(t => t.Key == "kubernetes.do.not.delete" && t.Value == OwnerTag(uid)));

    public static string OwnerTag(string uid) => ("a" + uid.Replace("-", "", StringComparison.Ordinal))[..32];

    public static string Uid(SandboxWorld world, string name = "nginx") => (string)Service(world, name)!["metadata"]!["uid"]!;

    public static string? IngressIp(SandboxWorld world, string name = "nginx") => (string?)Service(world, name)?["status"]?["loadBalancer"]?["ingress"]?[0]?["ip"];

    /// <summary>The members of the Service's one vServer group, as <c>serverId:port wN</c> (or <c>serverIp:port</c> for ENIs), sorted.</summary>
    public static IReadOnlyList<string> Members(SandboxWorld world, string uid)
    {
        var lb = LoadBalancerOf(world, uid);
        var group = lb is null ? null : world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId).SingleOrDefault();
        return group is null ? [] : [.. group.BackendServers
            .Select(b => b.Type == "ecs" ? $"{b.ServerId}:{b.Port} w{b.Weight}" : $"{b.Type} {b.ServerIp}:{b.Port} {b.ServerId}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Waits until the members are <paramref name="expected"/> (order ignored).</summary>
    public static async Task MembersBecomeAsync(SandboxWorld world, string uid, IEnumerable<string> expected, string because)
    {
        var wanted = expected.Order(StringComparer.Ordinal).ToList();
        try
        {
            await Eventually.TrueAsync(() => Members(world, uid).SequenceEqual(wanted), because, TestTimings.Generous);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Assert.Fail($"{e.Message}: members are [{string.Join(", ", Members(world, uid))}], expected [{string.Join(", ", wanted)}]");
        }
    }

    /// <summary>The nginx pods that are Running with an IP: (name, node, IP).</summary>
    public static IReadOnlyList<(string Node, string Ip)> RunningPods(SandboxWorld world) =>
        [.. world.Kube.Objects.List("pods", "default", "run=nginx")
            .Where(p => (string?)p["status"]?["phase"] == "Running" && p["metadata"]?["deletionTimestamp"] is null && p["status"]?["podIP"] is not null)
            .Select(p => ((string)p["spec"]!["nodeName"]!, (string)p["status"]!["podIP"]!))];

    /// <summary>The reasons of the Kubernetes Events about the Service (core v1, as <c>kubectl describe</c> shows them).</summary>
    public static IReadOnlyList<string> EventReasons(SandboxWorld world, string name = "nginx") =>
        [.. world.Kube.Objects.List("events", "default")
            .Where(e => (string?)e["involvedObject"]?["kind"] == "Service" && (string?)e["involvedObject"]?["name"] == name)
            .Select(e => (string)e["reason"]!)];

    public static int NodePort(SandboxWorld world, string name = "nginx") => (int)Service(world, name)!["spec"]!["ports"]![0]!["nodePort"]!;

    /// <summary>A pod CIDR inside the VPC (vSwitch zone h), as a Terway-like network gives pods VPC addresses that ENIs hold.</summary>
    public const string PodCidrInVpc = "192.168.8.0/24";

    /// <summary>A node joins: its instance first (as a scaling group does), then the Node, Ready, with its providerID set.</summary>
    public static void AddNode(SandboxWorld world, string name, string instanceId, string privateIp, string podCidr)
    {
        world.Cloud.Cloud.AddInstance(new NewInstance
        {
            InstanceId = instanceId, InstanceName = name, VSwitchId = DemoWorld.VSwitches[0].VSwitchId, PrivateIpAddress = privateIp,
        });
        world.Kube.Objects.Create(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = name } },
            ["spec"] = new JsonObject { ["providerID"] = $"{DemoWorld.RegionId}.{instanceId}", ["podCIDR"] = podCidr, ["podCIDRs"] = new JsonArray(podCidr) },
        });
        PatchNodeStatus(world, name, new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady" }),
            ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = privateIp }),
        });
    }

    public static void PatchNodeStatus(SandboxWorld world, string node, JsonObject status) =>
        world.Kube.Objects.Patch("nodes", null, node, KubePatchType.Merge, new JsonObject { ["status"] = status }, "status");
}
