using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>core/v1 ConfigMap.</summary>
public sealed record ConfigMap : IKubeObject<ConfigMap>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "ConfigMap";

    public ObjectMeta Metadata { get; init; } = new();

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    /// <summary>Base64 on the wire; System.Text.Json maps <c>byte[]</c> to base64 both ways.</summary>
    public IReadOnlyDictionary<string, byte[]>? BinaryData { get; init; }

    public bool? Immutable { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "configmaps", "ConfigMap", Namespaced: true);

    public static JsonTypeInfo<ConfigMap> JsonTypeInfo => KubeJsonContext.Default.ConfigMap;

    public static JsonTypeInfo<KubeList<ConfigMap>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListConfigMap;

    public static JsonTypeInfo<WatchEventWire<ConfigMap>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireConfigMap;
}
