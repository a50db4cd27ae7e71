using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>
/// core/v1 Secret. <see cref="ToString"/> never prints the values: secrets must not reach a log line or an
/// exception message.
/// </summary>
public sealed record Secret : IKubeObject<Secret>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Secret";

    public ObjectMeta Metadata { get; init; } = new();

    public string? Type { get; init; }

    /// <summary>Base64 on the wire; System.Text.Json maps <c>byte[]</c> to base64 both ways.</summary>
    public IReadOnlyDictionary<string, byte[]>? Data { get; init; }

    /// <summary>Write-only convenience: the server merges it into <see cref="Data"/> and never returns it.</summary>
    public IReadOnlyDictionary<string, string>? StringData { get; init; }

    public bool? Immutable { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "secrets", "Secret", Namespaced: true);

    public static JsonTypeInfo<Secret> JsonTypeInfo => KubeJsonContext.Default.Secret;

    public static JsonTypeInfo<KubeList<Secret>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListSecret;

    public static JsonTypeInfo<WatchEventWire<Secret>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireSecret;

    public override string ToString() =>
        $"Secret {{ {Metadata.Namespace}/{Metadata.Name}, type {Type}, keys [{string.Join(", ", (Data?.Keys ?? []).Order(StringComparer.Ordinal))}] }}";
}
