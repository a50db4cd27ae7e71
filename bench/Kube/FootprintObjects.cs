using System.Globalization;
using System.Text.Json.Nodes;

namespace Ccm.Bench.Kube;

/// <summary>
/// Objects shaped like a production cluster's, for the cache footprint: LoadBalancer Services applied with kubectl
/// (annotations, last-applied copy, finalizer, status), their EndpointSlices (three ready endpoints each) and ACK-style
/// Nodes (labels, conditions, capacity, node info, images, a few taints). Every object carries the managedFields an API
/// server adds. Deterministic: the same index always gives the same object.
/// </summary>
internal static class FootprintObjects
{
    public const int Namespaces = 20;
    private const string Time = "2026-11-30T08:00:00Z";

    public static string NamespaceOf(int service) => $"team-{service % Namespaces:D2}";

    public static string ServiceName(int service) => $"svc-{service:D4}";

    public static string NodeName(int node) => $"cn-hangzhou.192.168.{node / 250}.{(node % 250) + 2}";

    public static JsonObject Namespace(int index) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = $"team-{index:D2}", ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = $"team-{index:D2}" } },
    };

    public static JsonObject Service(int i)
    {
        var name = ServiceName(i);
        var spec = new JsonObject
        {
            ["type"] = "LoadBalancer",
            ["selector"] = new JsonObject { ["app"] = name },
            ["ports"] = new JsonArray(
                new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = 8080, ["protocol"] = "TCP" },
                new JsonObject { ["name"] = "https", ["port"] = 443, ["targetPort"] = 8443, ["protocol"] = "TCP" }),
            ["externalTrafficPolicy"] = i % 3 == 0 ? "Local" : "Cluster",
            ["sessionAffinity"] = "None",
        };
        var annotations = new JsonObject
        {
            ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec"] = "slb.s1.small",
            ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type"] = i % 4 == 0 ? "intranet" : "internet",
            ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-charge-type"] = "paybytraffic",
            ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-health-check-flag"] = "on",
        };
        var labels = new JsonObject { ["app"] = name, ["team"] = NamespaceOf(i), ["tier"] = "frontend", ["app.kubernetes.io/managed-by"] = "kubectl" };
        var applied = new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = NamespaceOf(i), ["labels"] = labels.DeepClone(), ["annotations"] = annotations.DeepClone() },
            ["spec"] = spec.DeepClone(),
        };
        annotations["kubectl.kubernetes.io/last-applied-configuration"] = applied.ToJsonString() + "\n";
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = NamespaceOf(i),
                ["labels"] = labels,
                ["annotations"] = annotations,
                ["finalizers"] = new JsonArray("service.kubernetes.io/load-balancer-cleanup"),
                ["managedFields"] = new JsonArray(
                    Managed("kubectl-client-side-apply", null, """{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{},"f:service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec":{}},"f:labels":{".":{},"f:app":{},"f:team":{},"f:tier":{}}},"f:spec":{"f:externalTrafficPolicy":{},"f:ports":{".":{},"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:name":{},"f:port":{},"f:protocol":{},"f:targetPort":{}},"k:{\"port\":443,\"protocol\":\"TCP\"}":{".":{},"f:name":{},"f:port":{},"f:protocol":{},"f:targetPort":{}}},"f:selector":{},"f:sessionAffinity":{},"f:type":{}}}"""),
                    Managed("cloud-controller-manager", null, """{"f:metadata":{"f:finalizers":{".":{},"v:\"service.kubernetes.io/load-balancer-cleanup\"":{}}}}"""),
                    Managed("cloud-controller-manager", "status", """{"f:status":{"f:loadBalancer":{"f:ingress":{}}}}""")),
            },
            ["spec"] = spec,
        };
    }

    /// <summary>The status the CCM writes once the load balancer exists.</summary>
    public static JsonObject ServiceStatus(int i) => new()
    {
        ["status"] = new JsonObject
        {
            ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = $"47.96.{i / 250}.{(i % 250) + 2}", ["ipMode"] = "VIP" }) },
        },
    };

    public static JsonObject EndpointSlice(int i, string serviceUid, int nodes)
    {
        var name = ServiceName(i);
        var endpoints = new JsonArray();
        for (var e = 0; e < 3; e++)
        {
            var pod = $"{name}-7d9f8c6b5-{(char)('a' + e)}x{i % 97:D2}z";
            endpoints.Add(new JsonObject
            {
                ["addresses"] = new JsonArray($"172.20.{(i * 3 + e) / 250 % 250}.{((i * 3) + e) % 250 + 2}"),
                ["conditions"] = new JsonObject { ["ready"] = true, ["serving"] = true, ["terminating"] = false },
                ["nodeName"] = NodeName(((i * 3) + e) % nodes),
                ["zone"] = e % 2 == 0 ? "cn-hangzhou-k" : "cn-hangzhou-j",
                ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = NamespaceOf(i), ["name"] = pod, ["uid"] = Uid(i, e) },
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{name}-{i % 89:D2}k{i % 7}q",
                ["namespace"] = NamespaceOf(i),
                ["generateName"] = $"{name}-",
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/service-name"] = name,
                    ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io",
                    ["app"] = name,
                },
                ["annotations"] = new JsonObject { ["endpoints.kubernetes.io/last-change-trigger-time"] = Time },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "Service", ["name"] = name, ["uid"] = serviceUid, ["controller"] = true, ["blockOwnerDeletion"] = true,
                }),
                ["managedFields"] = new JsonArray(Managed("kube-controller-manager", null,
                    """{"f:addressType":{},"f:endpoints":{},"f:metadata":{"f:annotations":{".":{},"f:endpoints.kubernetes.io/last-change-trigger-time":{}},"f:generateName":{},"f:labels":{".":{},"f:endpointslice.kubernetes.io/managed-by":{},"f:kubernetes.io/service-name":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"x\"}":{}}},"f:ports":{}}""")),
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = endpoints,
            ["ports"] = new JsonArray(
                new JsonObject { ["name"] = "http", ["port"] = 8080, ["protocol"] = "TCP" },
                new JsonObject { ["name"] = "https", ["port"] = 8443, ["protocol"] = "TCP" }),
        };
    }

    public static JsonObject Node(int j)
    {
        var name = NodeName(j);
        var zone = j % 2 == 0 ? "cn-hangzhou-k" : "cn-hangzhou-j";
        var instanceType = j % 4 == 0 ? "ecs.g7.2xlarge" : "ecs.c7.xlarge";
        var ip = name["cn-hangzhou.".Length..];
        var taints = new JsonArray();
        if (j % 10 == 0)
        {
            taints.Add(new JsonObject { ["key"] = "dedicated", ["value"] = "gateway", ["effect"] = "NoSchedule" });
        }

        if (j % 25 == 0)
        {
            taints.Add(new JsonObject { ["key"] = "node.kubernetes.io/unschedulable", ["effect"] = "NoSchedule", ["timeAdded"] = Time });
        }

        var images = new JsonArray();
        for (var k = 0; k < 30; k++)
        {
            images.Add(new JsonObject
            {
                ["names"] = new JsonArray(
                    $"registry-vpc.cn-hangzhou.example.test/acs/component-{k:D2}@sha256:{Hex(j, k)}",
                    $"registry-vpc.cn-hangzhou.example.test/acs/component-{k:D2}:v1.{k}.{j % 5}-aliyun"),
                ["sizeBytes"] = 10_000_000L + (k * 1_234_567L),
            });
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject
                {
                    ["beta.kubernetes.io/arch"] = "amd64",
                    ["beta.kubernetes.io/instance-type"] = instanceType,
                    ["beta.kubernetes.io/os"] = "linux",
                    ["failure-domain.beta.kubernetes.io/region"] = "cn-hangzhou",
                    ["failure-domain.beta.kubernetes.io/zone"] = zone,
                    ["kubernetes.io/arch"] = "amd64",
                    ["kubernetes.io/hostname"] = name,
                    ["kubernetes.io/os"] = "linux",
                    ["node.kubernetes.io/instance-type"] = instanceType,
                    ["topology.kubernetes.io/region"] = "cn-hangzhou",
                    ["topology.kubernetes.io/zone"] = zone,
                    ["alibabacloud.com/nodepool-id"] = $"np{j % 8:D2}c0ffee{j % 8}",
                    ["ack.aliyun.com"] = "c0ffee0123456789abcdef",
                    ["node.csi.alibabacloud.com/disktype.cloud_essd"] = "available",
                },
                ["annotations"] = new JsonObject
                {
                    ["flannel.alpha.coreos.com/backend-type"] = "alloc",
                    ["flannel.alpha.coreos.com/kube-subnet-manager"] = "true",
                    ["flannel.alpha.coreos.com/public-ip"] = ip,
                    ["node.alpha.kubernetes.io/ttl"] = "0",
                    ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                    ["csi.volume.kubernetes.io/nodeid"] = $"{{\"diskplugin.csi.alibabacloud.com\":\"i-bp1{j:D6}c0ffee\"}}",
                },
                ["managedFields"] = new JsonArray(
                    Managed("kubelet", null, """{"f:metadata":{"f:annotations":{".":{},"f:node.alpha.kubernetes.io/ttl":{},"f:volumes.kubernetes.io/controller-managed-attach-detach":{}},"f:labels":{".":{},"f:beta.kubernetes.io/arch":{},"f:beta.kubernetes.io/os":{},"f:kubernetes.io/arch":{},"f:kubernetes.io/hostname":{},"f:kubernetes.io/os":{}}},"f:spec":{"f:providerID":{}}}"""),
                    Managed("kubelet", "status", """{"f:status":{"f:allocatable":{"f:cpu":{},"f:ephemeral-storage":{},"f:memory":{},"f:pods":{}},"f:capacity":{"f:cpu":{},"f:ephemeral-storage":{},"f:memory":{},"f:pods":{}},"f:conditions":{"k:{\"type\":\"DiskPressure\"}":{"f:lastHeartbeatTime":{}},"k:{\"type\":\"MemoryPressure\"}":{"f:lastHeartbeatTime":{}},"k:{\"type\":\"PIDPressure\"}":{"f:lastHeartbeatTime":{}},"k:{\"type\":\"Ready\"}":{"f:lastHeartbeatTime":{},"f:lastTransitionTime":{},"f:message":{},"f:reason":{},"f:status":{}}},"f:images":{},"f:nodeInfo":{"f:bootID":{}}}}"""),
                    Managed("cloud-controller-manager", null, """{"f:metadata":{"f:labels":{"f:beta.kubernetes.io/instance-type":{},"f:failure-domain.beta.kubernetes.io/region":{},"f:failure-domain.beta.kubernetes.io/zone":{},"f:node.kubernetes.io/instance-type":{},"f:topology.kubernetes.io/region":{},"f:topology.kubernetes.io/zone":{}}},"f:spec":{"f:podCIDR":{},"f:podCIDRs":{".":{},"v:\"172.20.0.0/25\"":{}}}}""")),
            },
            ["spec"] = new JsonObject
            {
                ["podCIDR"] = $"172.21.{j / 2}.{j % 2 * 128}/25",
                ["podCIDRs"] = new JsonArray($"172.21.{j / 2}.{j % 2 * 128}/25"),
                ["providerID"] = $"cn-hangzhou.i-bp1{j:D6}c0ffee",
                ["taints"] = taints,
            },
            ["status"] = new JsonObject
            {
                ["capacity"] = new JsonObject { ["cpu"] = "8", ["ephemeral-storage"] = "123329004Ki", ["hugepages-1Gi"] = "0", ["hugepages-2Mi"] = "0", ["memory"] = "32408064Ki", ["pods"] = "64" },
                ["allocatable"] = new JsonObject { ["cpu"] = "7800m", ["ephemeral-storage"] = "113661179666", ["hugepages-1Gi"] = "0", ["hugepages-2Mi"] = "0", ["memory"] = "29264384Ki", ["pods"] = "64" },
                ["conditions"] = new JsonArray(
                    Condition("NetworkUnavailable", "False", "RouteCreated", "RouteController created a route"),
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
                    ["machineID"] = Hex(j, 100)[..32],
                    ["systemUUID"] = $"{Hex(j, 101)[..8]}-{Hex(j, 102)[..4]}-{Hex(j, 103)[..4]}-{Hex(j, 104)[..4]}-{Hex(j, 105)[..12]}",
                    ["bootID"] = $"{Hex(j, 106)[..8]}-{Hex(j, 107)[..4]}-{Hex(j, 108)[..4]}-{Hex(j, 109)[..4]}-{Hex(j, 110)[..12]}",
                    ["kernelVersion"] = "5.10.134-16.3.al8.x86_64",
                    ["osImage"] = "Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)",
                    ["containerRuntimeVersion"] = "containerd://1.6.28",
                    ["kubeletVersion"] = "v1.31.1-aliyun.1",
                    ["kubeProxyVersion"] = "v1.31.1-aliyun.1",
                    ["operatingSystem"] = "linux",
                    ["architecture"] = "amd64",
                },
                ["images"] = images,
                ["volumesInUse"] = new JsonArray($"kubernetes.io/csi/diskplugin.csi.alibabacloud.com^d-bp1{j:D6}"),
                ["volumesAttached"] = new JsonArray(new JsonObject { ["name"] = $"kubernetes.io/csi/diskplugin.csi.alibabacloud.com^d-bp1{j:D6}", ["devicePath"] = "" }),
            },
        };
    }

    /// <summary>The object without managedFields, kubectl's last-applied copy, node images and volume bookkeeping.</summary>
    public static JsonObject Lean(JsonObject obj)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        metadata.Remove("managedFields");
        (metadata["annotations"] as JsonObject)?.Remove("kubectl.kubernetes.io/last-applied-configuration");
        if (obj["status"] is JsonObject status)
        {
            status.Remove("images");
            status.Remove("volumesInUse");
            status.Remove("volumesAttached");
        }

        return obj;
    }

    private static JsonObject Managed(string manager, string? subresource, string fields)
    {
        var entry = new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Update",
            ["apiVersion"] = "v1",
            ["time"] = Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = JsonNode.Parse(fields),
        };
        if (subresource is not null)
        {
            entry["subresource"] = subresource;
        }

        return entry;
    }

    private static JsonObject Condition(string type, string status, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastHeartbeatTime"] = Time,
        ["lastTransitionTime"] = "2026-11-01T00:00:00Z",
        ["reason"] = reason,
        ["message"] = message,
    };

    private static string Uid(int a, int b) =>
        $"{a:x8}-{b:x4}-4{a % 4096:x3}-8{b % 4096:x3}-{((long)a * 7919) + b:x12}";

    /// <summary>A deterministic 64-digit hex string (an image digest, a machine id).</summary>
    private static string Hex(int a, int b)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(((long)a << 32) | (uint)b));
        return Convert.ToHexStringLower(bytes);
    }

    public static string Format(long bytes) => (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
}
