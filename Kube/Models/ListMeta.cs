using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>meta/v1 ListMeta: the version a list was read at, and the token for the next page.</summary>
public sealed record ListMeta
{
    /// <summary>Watch from this version to see every change after the list (API Concepts, "Efficient detection of changes").</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Non-empty when more pages follow; pass it back as <c>continue</c> with the same selectors.</summary>
    [JsonPropertyName("continue")]
    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
