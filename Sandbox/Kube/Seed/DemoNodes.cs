using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;

namespace Ccm.Sandbox.Kube.Seed;

/// <summary>Node objects as kubelets register them: kubelet labels, addresses, capacity, a Ready condition.</summary>
internal static class DemoNodes
{
    public const string UninitializedTaint = "node.cloudprovider.kubernetes.io/uninitialized";
    public const string VirtualKubeletTaint = "virtual-kubelet.io/provider";

    public static JsonObject Ecs(DemoNode node, string now)
    {
        var (cpu, memory) = node.InstanceType.EndsWith(".xlarge", StringComparison.Ordinal) ? ("4", "16093984Ki") : ("2", "7880912Ki");
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = node.Name,
                ["labels"] = KubeletLabels(node.Name),
                ["annotations"] = new JsonObject
                {
                    ["node.alpha.kubernetes.io/ttl"] = "0",
                    ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                },
            },
            ["spec"] = new JsonObject
            {
                ["podCIDR"] = node.PodCidr,
                ["podCIDRs"] = new JsonArray(node.PodCidr),
                ["taints"] = new JsonArray(new JsonObject
                {
                    ["key"] = UninitializedTaint,
                    ["value"] = "true",
                    ["effect"] = "NoSchedule",
                }),
            },
            ["status"] = Status(node.Name, node.PrivateIp, cpu, memory, "v1.33.0", now),
        };
    }

    public static JsonObject Virtual(DemoVirtualNode node, string now)
    {
        var labels = KubeletLabels(node.Name);
        labels["type"] = "virtual-kubelet";
        labels["kubernetes.io/role"] = "agent";
        labels["topology.kubernetes.io/zone"] = node.ZoneId;
        labels["topology.kubernetes.io/region"] = DemoWorld.RegionId;
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = node.Name, ["labels"] = labels },
            ["spec"] = new JsonObject
            {
                ["taints"] = new JsonArray(new JsonObject
                {
                    ["key"] = VirtualKubeletTaint,
                    ["value"] = "alibabacloud",
                    ["effect"] = "NoSchedule",
                }),
            },
            ["status"] = Status(node.Name, node.InternalIp, "1k", "4Ti", "v1.33.0-vk", now),
        };
    }

    private static JsonObject KubeletLabels(string name) => new()
    {
        ["beta.kubernetes.io/arch"] = "amd64",
        ["beta.kubernetes.io/os"] = "linux",
        ["kubernetes.io/arch"] = "amd64",
        ["kubernetes.io/hostname"] = name,
        ["kubernetes.io/os"] = "linux",
    };

    private static JsonObject Status(string name, string ip, string cpu, string memory, string kubeletVersion, string now)
    {
        JsonObject Condition(string type, string status, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = status,
            ["lastHeartbeatTime"] = now,
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        };

        JsonObject Resources() => new() { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110", ["ephemeral-storage"] = "41152812Ki" };

        return new JsonObject
        {
            ["capacity"] = Resources(),
            ["allocatable"] = Resources(),
            ["conditions"] = new JsonArray(
                Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            ["daemonEndpoints"] = new JsonObject { ["kubeletEndpoint"] = new JsonObject { ["Port"] = 10250 } },
            ["nodeInfo"] = new JsonObject
            {
                ["architecture"] = "amd64",
                ["bootID"] = "",
                ["containerRuntimeVersion"] = "containerd://1.7.20",
                ["kernelVersion"] = "5.10.134-17.3.al8.x86_64",
                ["kubeProxyVersion"] = kubeletVersion,
                ["kubeletVersion"] = kubeletVersion,
                ["machineID"] = "",
                ["operatingSystem"] = "linux",
                ["osImage"] = "Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)",
                ["systemUUID"] = "",
            },
        };
    }
}
