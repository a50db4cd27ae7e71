using System.Text.Json.Nodes;

namespace Ccm.Kube.Client;

/// <summary>One RFC 6902 operation of a <see cref="KubePatch.Json"/> patch.</summary>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value = null)
{
    public static JsonPatchOperation Add(string path, JsonNode? value) => new("add", path, value);

    public static JsonPatchOperation Remove(string path) => new("remove", path);

    public static JsonPatchOperation Replace(string path, JsonNode? value) => new("replace", path, value);

    /// <summary>A precondition: the patch fails (422) unless the value at <paramref name="path"/> equals this one.</summary>
    public static JsonPatchOperation Test(string path, JsonNode? value) => new("test", path, value);

    /// <summary>Escapes a map key for a JSON pointer (<c>~</c> and <c>/</c>), e.g. a label name with a slash.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    internal JsonObject ToJson()
    {
        var operation = new JsonObject { ["op"] = Op, ["path"] = Path };
        if (Op is "add" or "replace" or "test")
        {
            operation["value"] = Value?.DeepClone();
        }

        return operation;
    }
}
