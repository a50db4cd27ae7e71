using System.Globalization;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>
/// RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers. A failed <c>test</c> aborts the
/// whole patch, which is how clients make a patch conditional.
/// </summary>
internal static class JsonPatch
{
    private static readonly string[] DocumentToken = ["doc"];

    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchException("a JSON patch must be an array of operations", malformed: true);
        }

        var root = new JsonObject { ["doc"] = document };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || (string?)op["op"] is not { } name || (string?)op["path"] is not { } path)
            {
                throw new PatchException("each JSON patch operation needs \"op\" and \"path\"", malformed: true);
            }

            switch (name)
            {
                case "add":
                    Add(root, path, RequireValue(op));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, RequireValue(op));
                    break;
                case "move":
                    var moved = Remove(root, From(op));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, From(op))?.DeepClone());
                    break;
                case "test":
                    var actual = Get(root, path);
                    if (!JsonNode.DeepEquals(actual, op["value"]))
                    {
                        throw new PatchException($"testing value {path} failed: test failed");
                    }

                    break;
                default:
                    throw new PatchException($"unexpected JSON patch operation \"{name}\"", malformed: true);
            }
        }

        var result = root["doc"] ?? throw new PatchException("the patch removed the whole document");
        root.Remove("doc");
        return result;
    }

    private static JsonNode? RequireValue(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"operation \"{op["op"]}\" needs a \"value\"", malformed: true);

    private static string From(JsonObject op) =>
        (string?)op["from"] ?? throw new PatchException($"operation \"{op["op"]}\" needs \"from\"", malformed: true);

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, token) = Resolve(root, path);
        return parent switch
        {
            JsonObject o when o.TryGetPropertyValue(token, out var v) => v,
            JsonArray a when TryIndex(token, a.Count, out var i) => a[i],
            _ => throw new PatchException($"path {path} does not exist"),
        };
    }

    private static void Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, token) = Resolve(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[token] = value;
                break;
            case JsonArray a when token == "-":
                a.Add(value);
                break;
            case JsonArray a when TryIndex(token, a.Count + 1, out var i):
                a.Insert(i, value);
                break;
            default:
                throw new PatchException($"cannot add at {path}");
        }
    }

    private static JsonNode? Remove(JsonObject root, string path)
    {
        var (parent, token) = Resolve(root, path);
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(token, out var value):
                o.Remove(token);
                return value;
            case JsonArray a when TryIndex(token, a.Count, out var i):
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default:
                throw new PatchException($"unable to remove nonexistent key or index: {path}");
        }
    }

    /// <summary>Walks to the parent of the pointer's last token (the document hangs under "doc" so "" works too).</summary>
    private static (JsonNode Parent, string Token) Resolve(JsonObject root, string path)
    {
        if (path.Length > 0 && path[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer \"{path}\"", malformed: true);
        }

        var tokens = path.Length == 0 ? [] : path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        var all = DocumentToken.Concat(tokens).ToList();
        JsonNode current = root;
        for (var i = 0; i < all.Count - 1; i++)
        {
            JsonNode? next = current switch
            {
                JsonObject o => o[all[i]],
                JsonArray a when TryIndex(all[i], a.Count, out var index) => a[index],
                _ => null,
            };
            current = next ?? throw new PatchException($"path {path} does not exist");
        }

        return (current, all[^1]);
    }

    private static bool TryIndex(string token, int limit, out int index) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < limit
        && (token == "0" || token[0] != '0');
}
