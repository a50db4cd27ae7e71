using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>meta/v1 Condition (Service status conditions). Node and Pod have their own condition shapes.</summary>
public sealed record Condition
{
    public string? Type { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? Status { get; init; }

    public long? ObservedGeneration { get; init; }

    [JsonConverter(typeof(KubeTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}
