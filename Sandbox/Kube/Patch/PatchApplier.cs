using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>Parses a patch body by its content type and applies it to a private copy of the live object.</summary>
internal static class PatchApplier
{
    public static readonly IReadOnlyList<string> ContentTypes =
    [
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/strategic-merge-patch+json",
        "application/apply-patch+yaml",
    ];

    public static Semantics.PatchType? TypeOf(string? contentType) => MediaType(contentType) switch
    {
        "application/json-patch+json" => Semantics.PatchType.JsonPatch,
        "application/merge-patch+json" => Semantics.PatchType.MergePatch,
        "application/strategic-merge-patch+json" => Semantics.PatchType.StrategicMergePatch,
        "application/apply-patch+yaml" or "application/apply-patch+json" => Semantics.PatchType.Apply,
        _ => null,
    };

    /// <summary>Parses a patch body; throws <see cref="PatchException"/> (malformed) when it is not JSON/YAML.</summary>
    public static JsonNode? Parse(Semantics.PatchType type, string body)
    {
        try
        {
            return type == Semantics.PatchType.Apply ? YamlJson.Parse(body) : JsonNode.Parse(body);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new PatchException($"error decoding patch: {e.Message}", malformed: true);
        }
    }

    public static JsonObject Apply(Semantics.PatchType type, JsonNode? patch, JsonObject current, ResourceType resource)
    {
        if (type != Semantics.PatchType.JsonPatch && patch is not JsonObject)
        {
            throw new PatchException("the patch must be a JSON object", malformed: true);
        }

        var result = type switch
        {
            Semantics.PatchType.JsonPatch => JsonPatch.Apply(current, patch),
            Semantics.PatchType.MergePatch => JsonMergePatch.Apply(current, patch),
            // Server-side apply is served as an upsert: the applied configuration merges like a strategic patch.
            _ => StrategicMergePatch.Apply(current, (JsonObject)patch!, PatchSchemas.For(resource)),
        };

        return result as JsonObject ?? throw new PatchException("the patched document is not an object");
    }

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant();
}
