using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>core/v1 Namespace (cluster-scoped).</summary>
public sealed record Namespace : IKubeObject<Namespace>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Namespace";

    public ObjectMeta Metadata { get; init; } = new();

    public NamespaceStatus? Status { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "namespaces", "Namespace", Namespaced: false);

    public static JsonTypeInfo<Namespace> JsonTypeInfo => KubeJsonContext.Default.Namespace;

    public static JsonTypeInfo<KubeList<Namespace>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListNamespace;

    public static JsonTypeInfo<WatchEventWire<Namespace>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireNamespace;
}

/// <summary>core/v1 NamespaceStatus: <c>Active</c> or <c>Terminating</c>.</summary>
public sealed record NamespaceStatus
{
    public string? Phase { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
