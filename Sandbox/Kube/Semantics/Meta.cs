using System.Globalization;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>Small accessors for the well-known fields of a JSON object (metadata, spec, status).</summary>
internal static class Meta
{
    public static JsonObject Metadata(JsonObject obj) => Child(obj, "metadata");

    /// <summary>The named child object, created if absent (or replacing a non-object).</summary>
    public static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static string? String(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(JsonObject obj) => String(obj["metadata"], "name") ?? "";

    public static string? ResourceVersion(JsonObject obj) => String(obj["metadata"], "resourceVersion");

    public static bool IsTerminating(JsonObject obj) => String(obj["metadata"], "deletionTimestamp") is not null;

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? [.. a.Select(f => (string?)f ?? "")] : [];

    public static string Timestamp(TimeProvider clock) =>
        clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The object with <c>metadata</c> and <c>status</c> left out: what a spec change is measured on.</summary>
    public static bool SpecEquals(JsonObject a, JsonObject b)
    {
        var keys = a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(k => k is not ("metadata" or "status"));
        return keys.All(k => JsonNode.DeepEquals(a[k], b[k]));
    }

    public static bool IsFalse(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && !b;

    public static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>An integer field, whether parsed from JSON or set in code; <paramref name="fallback"/> otherwise.</summary>
    public static long Long(JsonNode? node, long fallback)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return fallback;
        }

        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue ? (long)d
            : fallback;
    }
}
