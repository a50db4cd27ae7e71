using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// What users and kubelets do to the cluster during the soak, one Kubernetes write per <see cref="Step"/>: Services
/// created, changed and deleted (<see cref="ServiceChurn"/>), their EndpointSlices written and removed, and Nodes joining
/// (a new ECS instance and its Node), relabelled and leaving (Node deleted, instance released), besides a Node whose ECS
/// instance does not exist, there from the start. Seeded, so a run repeats its sequence.
/// </summary>
internal sealed class ChaosWorkload(KubeObjects kube, CloudControl cloud, int services, int seed)
{
    public const string GhostNode = "chaos-ghost";
    private const string GhostInstance = "i-bp1chaosghost0000001";
    private const int MaxExtraNodes = 2;

    private readonly Random random = new(seed);
    private readonly List<(string Name, string InstanceId)> extraNodes = [];
    private int nodeSerial;

    public ServiceChurn Services { get; } = new(kube, "chaos", services, seed);

    public int EndpointWrites { get; private set; }

    public int NodeWrites { get; private set; }

    /// <summary>Whether the Node whose ECS instance is missing was made (by <see cref="Begin"/>).</summary>
    public bool GhostCreated { get; private set; }

    /// <summary>The starting set: the Services and the Node whose instance is missing.</summary>
    public void Begin()
    {
        Services.CreateMany(Services.Target);
        kube.Create(Node(GhostNode, GhostInstance, "192.168.0.90", "172.20.90.0/24"));
        GhostCreated = true;
        NodeWrites++;
    }

    /// <summary>One write: 70% a Service, 22% an EndpointSlice, 8% a Node.</summary>
    public void Step()
    {
        var roll = random.NextDouble();
        if (roll < 0.7)
        {
            Services.Step();
        }
        else if (roll < 0.92)
        {
            WriteEndpoints();
        }
        else
        {
            ChangeNodes();
        }
    }

    /// <summary>
    /// The ECS instances the Services' backends must be once settled: every live Node with a providerID whose instance
    /// exists (so not the ghost, nor the virtual-kubelet node).
    /// </summary>
    public IReadOnlyList<string> Backends()
    {
        var instances = cloud.Instances.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        return [.. kube.List("nodes")
            .Where(n => n["metadata"]?["deletionTimestamp"] is null)
            .Select(n => ((string?)n["spec"]?["providerID"])?.Split('.').Last())
            .OfType<string>()
            .Where(instances.Contains)];
    }

    private void WriteEndpoints()
    {
        var live = Services.ChangedAt.Keys.ToList();
        if (live.Count == 0)
        {
            return;
        }

        var name = live[random.Next(live.Count)]["default/".Length..];
        var sliceName = name + "-chaos";
        if (random.NextDouble() < 0.2)
        {
            if (kube.Get("endpointslices", "default", sliceName) is not null)
            {
                kube.Delete("endpointslices", "default", sliceName);
                EndpointWrites++;
            }

            return;
        }

        var endpoints = new JsonArray();
        foreach (var node in DemoWorld.Nodes.Take(1 + random.Next(DemoWorld.Nodes.Count)))
        {
            endpoints.Add(new JsonObject
            {
                ["addresses"] = new JsonArray($"172.20.{node.PodCidr.Split('.')[2]}.{random.Next(2, 250).ToString(CultureInfo.InvariantCulture)}"),
                ["conditions"] = new JsonObject { ["ready"] = true },
                ["nodeName"] = node.Name,
            });
        }

        var slice = new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1", ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["name"] = sliceName, ["namespace"] = "default",
                ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = name, ["endpointslice.kubernetes.io/managed-by"] = "chaos-soak" },
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = endpoints,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["protocol"] = "TCP" }),
        };
        if (kube.Get("endpointslices", "default", sliceName) is null)
        {
            kube.Create(slice);
        }
        else
        {
            kube.Patch("endpointslices", "default", sliceName, KubePatchType.Merge, new JsonObject { ["endpoints"] = endpoints.DeepClone() });
        }

        EndpointWrites++;
    }

    /// <summary>A Node joins while fewer than two extra ones exist, else one leaves or is relabelled.</summary>
    private void ChangeNodes()
    {
        if (extraNodes.Count < MaxExtraNodes && random.NextDouble() < 0.6)
        {
            var serial = nodeSerial++ % 60;
            var name = $"chaos-node-{nodeSerial.ToString("D3", CultureInfo.InvariantCulture)}";
            var ip = $"192.168.0.{(20 + serial).ToString(CultureInfo.InvariantCulture)}";
            var instance = cloud.AddInstance(new NewInstance { InstanceName = name, VSwitchId = DemoWorld.VSwitches[0].VSwitchId, PrivateIpAddress = ip });
            kube.Create(Node(name, instance.InstanceId, ip, $"172.20.{(100 + serial).ToString(CultureInfo.InvariantCulture)}.0/24"));
            extraNodes.Add((name, instance.InstanceId));
        }
        else if (extraNodes.Count > 0 && random.NextDouble() < 0.5)
        {
            var (name, instanceId) = extraNodes[random.Next(extraNodes.Count)];
            kube.Delete("nodes", null, name);
            cloud.TerminateInstance(instanceId);
            extraNodes.Remove((name, instanceId));
        }
        else
        {
            var name = extraNodes.Count > 0 && random.NextDouble() < 0.7 ? extraNodes[random.Next(extraNodes.Count)].Name : GhostNode;
            kube.Patch("nodes", null, name, KubePatchType.Merge,
                new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["chaos/generation"] = random.Next(1000).ToString(CultureInfo.InvariantCulture) } } });
        }

        NodeWrites++;
    }

    /// <summary>A Ready Node as a kubelet registers it once the node controller has set its providerID.</summary>
    private static JsonObject Node(string name, string instanceId, string ip, string podCidr) => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["providerID"] = $"{DemoWorld.RegionId}.{instanceId}", ["podCIDR"] = podCidr, ["podCIDRs"] = new JsonArray(podCidr) },
        ["status"] = new JsonObject
        {
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };
}
