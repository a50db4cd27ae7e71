using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>
/// core/v1 Pod, the fields a readiness gate controller needs (where it runs, its IPs, its gates and conditions).
/// Everything else survives in <see cref="ExtensionData"/>; a Pod is only ever changed with a patch.
/// </summary>
public sealed record Pod : IKubeObject<Pod>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Pod";

    public ObjectMeta Metadata { get; init; } = new();

    public PodSpec? Spec { get; init; }

    public PodStatus? Status { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "pods", "Pod", Namespaced: true);

    public static JsonTypeInfo<Pod> JsonTypeInfo => KubeJsonContext.Default.Pod;

    public static JsonTypeInfo<KubeList<Pod>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListPod;

    public static JsonTypeInfo<WatchEventWire<Pod>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWirePod;
}

/// <summary>core/v1 PodSpec (partial).</summary>
public sealed record PodSpec
{
    public string? NodeName { get; init; }

    /// <summary>Extra conditions that must be True before the kubelet may report the Pod Ready.</summary>
    public IReadOnlyList<PodReadinessGate>? ReadinessGates { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 PodReadinessGate.</summary>
public sealed record PodReadinessGate
{
    public string? ConditionType { get; init; }
}

/// <summary>core/v1 PodStatus (partial). The strategic-merge list key of <c>conditions</c> is <c>type</c>.</summary>
public sealed record PodStatus
{
    public string? Phase { get; init; }

    public IReadOnlyList<PodCondition>? Conditions { get; init; }

    public IReadOnlyList<ContainerStatus>? ContainerStatuses { get; init; }

    public string? HostIP { get; init; }

    public string? PodIP { get; init; }

    public IReadOnlyList<PodIPEntry>? PodIPs { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 PodCondition.</summary>
public sealed record PodCondition
{
    public string? Type { get; init; }

    public string? Status { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastProbeTime { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}

/// <summary>core/v1 ContainerStatus (partial).</summary>
public sealed record ContainerStatus
{
    public string? Name { get; init; }

    public bool? Ready { get; init; }

    public bool? Started { get; init; }

    public int? RestartCount { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 PodIP: one entry of <c>status.podIPs</c> (one per IP family).</summary>
public sealed record PodIPEntry
{
    public string? Ip { get; init; }
}
