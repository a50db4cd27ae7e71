using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ccm.Kube.Api;

/// <summary>
/// One RFC 6902 operation. Paths are JSON Pointers (RFC 6901): escape segments with <see cref="Escape"/>, since
/// label and annotation keys contain <c>/</c> (e.g. <c>/metadata/labels/kubernetes.io~1service-name</c>).
/// </summary>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value = null, string? From = null)
{
    public static JsonPatchOperation Add(string path, JsonNode? value) => new("add", path, value);

    public static JsonPatchOperation Remove(string path) => new("remove", path);

    public static JsonPatchOperation Replace(string path, JsonNode? value) => new("replace", path, value);

    /// <summary>A precondition: the whole patch fails unless the value at <paramref name="path"/> equals <paramref name="value"/>.</summary>
    public static JsonPatchOperation Test(string path, JsonNode? value) => new("test", path, value);

    public static JsonPatchOperation Move(string from, string path) => new("move", path, From: from);

    public static JsonPatchOperation Copy(string from, string path) => new("copy", path, From: from);

    /// <summary>Escapes one JSON Pointer segment: <c>~</c> becomes <c>~0</c>, <c>/</c> becomes <c>~1</c>.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("op", Op);
        writer.WriteString("path", Path);
        if (From is not null)
        {
            writer.WriteString("from", From);
        }

        if (Op is "add" or "replace" or "test")
        {
            writer.WritePropertyName("value");
            if (Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
