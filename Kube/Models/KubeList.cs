using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>A list response (<c>ServiceList</c>, <c>NodeList</c>, ...). Items usually omit apiVersion and kind.</summary>
public sealed record KubeList<T>
    where T : class
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ListMeta Metadata { get; init; } = new();

    public IReadOnlyList<T> Items { get; init; } = [];

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
