using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>meta/v1 OwnerReference: garbage collection follows these from dependents to owners.</summary>
public sealed record OwnerReference
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Uid { get; init; }

    public bool? Controller { get; init; }

    public bool? BlockOwnerDeletion { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
