using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>
/// A PATCH body and its type. This is how objects change: we never PUT an object we do not fully model, because
/// a PUT replaces the whole object and would erase every field our models do not know.
/// </summary>
public sealed record KubePatch
{
    private KubePatch(PatchType type, byte[] body)
    {
        Type = type;
        Body = body;
    }

    public PatchType Type { get; }

    /// <summary>The UTF-8 JSON body (server-side apply accepts JSON, which is YAML).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>An RFC 7386 merge patch: <c>null</c> values delete keys, lists replace.</summary>
    public static KubePatch Merge(JsonNode patch) => new(PatchType.Merge, ToBytes(patch));

    public static KubePatch Merge(string json) => new(PatchType.Merge, Validated(json));

    /// <summary>A merge patch from a partially filled model: exactly the non-null fields are sent.</summary>
    public static KubePatch Merge<T>(T partial) where T : class, IKubeObject<T> =>
        new(PatchType.Merge, JsonSerializer.SerializeToUtf8Bytes(partial, T.JsonTypeInfo));

    /// <summary>A strategic merge patch (lists with a merge key merge element-wise; <c>$patch</c> directives allowed).</summary>
    public static KubePatch StrategicMerge(JsonNode patch) => new(PatchType.StrategicMerge, ToBytes(patch));

    public static KubePatch StrategicMerge(string json) => new(PatchType.StrategicMerge, Validated(json));

    public static KubePatch StrategicMerge<T>(T partial) where T : class, IKubeObject<T> =>
        new(PatchType.StrategicMerge, JsonSerializer.SerializeToUtf8Bytes(partial, T.JsonTypeInfo));

    /// <summary>An RFC 6902 JSON patch.</summary>
    public static KubePatch Json(IEnumerable<JsonPatchOperation> operations)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var operation in operations)
            {
                operation.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        return new(PatchType.Json, buffer.ToArray());
    }

    public static KubePatch Json(params JsonPatchOperation[] operations) => Json((IEnumerable<JsonPatchOperation>)operations);

    /// <summary>
    /// A server-side apply body: the full intent of one field manager (<c>apiVersion</c>, <c>kind</c>,
    /// <c>metadata.name</c> required). Send it with <see cref="PatchOptions.FieldManager"/>.
    /// </summary>
    public static KubePatch Apply<T>(T intent) where T : class, IKubeObject<T> =>
        new(PatchType.Apply, JsonSerializer.SerializeToUtf8Bytes(intent, T.JsonTypeInfo));

    public static KubePatch Apply(JsonNode intent) => new(PatchType.Apply, ToBytes(intent));

    public override string ToString() => $"{Type} patch {BodyText}";

    private static byte[] ToBytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] Validated(string json)
    {
        // Fail here, with the caller on the stack, rather than as a 400 from the server.
        using var _ = JsonDocument.Parse(json);
        return Encoding.UTF8.GetBytes(json);
    }
}
