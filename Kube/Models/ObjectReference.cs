using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>core/v1 ObjectReference: an endpoint's <c>targetRef</c>, an Event's <c>involvedObject</c>/<c>regarding</c>.</summary>
public sealed record ObjectReference
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }

    public string? FieldPath { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A reference to <paramref name="obj"/> (its kind, name, namespace, uid and version).</summary>
    public static ObjectReference For(IKubeObject obj) => new()
    {
        ApiVersion = obj.ApiVersion,
        Kind = obj.Kind,
        Namespace = obj.Metadata.Namespace,
        Name = obj.Metadata.Name,
        Uid = obj.Metadata.Uid,
        ResourceVersion = obj.Metadata.ResourceVersion,
    };
}
