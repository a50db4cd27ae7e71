using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>core/v1 Node (cluster-scoped). The CCM sets providerID, labels, addresses, taints and conditions.</summary>
public sealed record Node : IKubeObject<Node>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Node";

    public ObjectMeta Metadata { get; init; } = new();

    public NodeSpec? Spec { get; init; }

    public NodeStatus? Status { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "nodes", "Node", Namespaced: false);

    public static JsonTypeInfo<Node> JsonTypeInfo => KubeJsonContext.Default.Node;

    public static JsonTypeInfo<KubeList<Node>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListNode;

    public static JsonTypeInfo<WatchEventWire<Node>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireNode;
}

/// <summary>core/v1 NodeSpec.</summary>
public sealed record NodeSpec
{
    /// <summary>
    /// <c>&lt;region&gt;.&lt;instance-id&gt;</c> for Alibaba Cloud. Immutable once set: the API server rejects a change
    /// from one non-empty value to another.
    /// </summary>
    [JsonPropertyName("providerID")]
    public string? ProviderID { get; init; }

    [JsonPropertyName("podCIDR")]
    public string? PodCIDR { get; init; }

    [JsonPropertyName("podCIDRs")]
    public IReadOnlyList<string>? PodCIDRs { get; init; }

    /// <summary>The strategic-merge list key of <c>spec.taints</c> is <c>key</c> (with effect).</summary>
    public IReadOnlyList<Taint>? Taints { get; init; }

    public bool? Unschedulable { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 Taint.</summary>
public sealed record Taint
{
    public string? Key { get; init; }

    public string? Value { get; init; }

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</summary>
    public string? Effect { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? TimeAdded { get; init; }
}

/// <summary>core/v1 NodeStatus.</summary>
public sealed record NodeStatus
{
    /// <summary>The strategic-merge list key of <c>status.addresses</c> is <c>type</c>.</summary>
    public IReadOnlyList<NodeAddress>? Addresses { get; init; }

    /// <summary>The strategic-merge list key of <c>status.conditions</c> is <c>type</c>.</summary>
    public IReadOnlyList<NodeCondition>? Conditions { get; init; }

    public NodeSystemInfo? NodeInfo { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 NodeAddress: <c>InternalIP</c>, <c>ExternalIP</c>, <c>Hostname</c>, <c>InternalDNS</c>, <c>ExternalDNS</c>.</summary>
public sealed record NodeAddress
{
    public string? Type { get; init; }

    public string? Address { get; init; }
}

/// <summary>core/v1 NodeCondition (<c>Ready</c>, <c>NetworkUnavailable</c>, ...).</summary>
public sealed record NodeCondition
{
    public string? Type { get; init; }

    public string? Status { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastHeartbeatTime { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}

/// <summary>core/v1 NodeSystemInfo, the part the CCM reports or logs.</summary>
public sealed record NodeSystemInfo
{
    public string? MachineID { get; init; }

    public string? SystemUUID { get; init; }

    public string? KernelVersion { get; init; }

    public string? OsImage { get; init; }

    public string? ContainerRuntimeVersion { get; init; }

    public string? KubeletVersion { get; init; }

    public string? OperatingSystem { get; init; }

    public string? Architecture { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
