using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>
/// coordination.k8s.io/v1 Lease, fully modelled: it is the one kind we replace with PUT (with a resourceVersion
/// precondition, as client-go's lease lock does), so every field must survive the round trip.
/// </summary>
public sealed record Lease : IKubeObject<Lease>
{
    public string? ApiVersion { get; init; } = "coordination.k8s.io/v1";

    public string? Kind { get; init; } = "Lease";

    public ObjectMeta Metadata { get; init; } = new();

    public LeaseSpec? Spec { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true);

    public static JsonTypeInfo<Lease> JsonTypeInfo => KubeJsonContext.Default.Lease;

    public static JsonTypeInfo<KubeList<Lease>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListLease;

    public static JsonTypeInfo<WatchEventWire<Lease>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireLease;
}

/// <summary>coordination.k8s.io/v1 LeaseSpec. An empty <see cref="HolderIdentity"/> means released.</summary>
public sealed record LeaseSpec
{
    public string? HolderIdentity { get; init; }

    public int? LeaseDurationSeconds { get; init; }

    [JsonConverter(typeof(KubeMicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; init; }

    [JsonConverter(typeof(KubeMicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; init; }

    public int? LeaseTransitions { get; init; }

    /// <summary>Coordinated leader election (1.31+): the strategy for picking a holder.</summary>
    public string? Strategy { get; init; }

    public string? PreferredHolder { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
