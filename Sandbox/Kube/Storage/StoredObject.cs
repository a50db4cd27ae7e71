using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Storage;

/// <summary>
/// One version of one object, immutable: its JSON serialised once (lists, gets and every watcher send these bytes),
/// plus what selectors need, extracted at write time so that reads never parse.
/// </summary>
internal sealed class StoredObject
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private StoredObject(ResourceType type, string ns, string name, string uid, long resourceVersion, byte[] json,
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> fields, bool terminating,
        IReadOnlyList<string> ownerUids)
    {
        Terminating = terminating;
        OwnerUids = ownerUids;
        Type = type;
        Namespace = ns;
        Name = name;
        Uid = uid;
        ResourceVersion = resourceVersion;
        Json = json;
        Labels = labels;
        Fields = fields;
    }

    public ResourceType Type { get; }

    /// <summary>Empty for cluster-scoped kinds.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public long ResourceVersion { get; }

    /// <summary>The object as served (UTF-8 JSON). Never mutate.</summary>
    public byte[] Json { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Values of the field-selector labels this kind supports (always <c>metadata.name</c>/<c>namespace</c>).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Whether <c>metadata.deletionTimestamp</c> is set (finalizers hold the object).</summary>
    public bool Terminating { get; }

    /// <summary>The uids in <c>metadata.ownerReferences</c> (what the garbage collector follows).</summary>
    public IReadOnlyList<string> OwnerUids { get; }

    public string Key => ObjectKey.Of(Namespace, Name);

    /// <summary>A private, mutable copy of the object.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>Serialises <paramref name="obj"/> (whose <c>metadata.resourceVersion</c> is already set) as stored.</summary>
    public static StoredObject From(ResourceType type, JsonObject obj)
    {
        var metadata = obj["metadata"]?.AsObject() ?? throw new InvalidOperationException("object without metadata");
        var ns = (string?)metadata["namespace"] ?? "";
        var name = (string?)metadata["name"] ?? "";
        var rv = long.Parse((string?)metadata["resourceVersion"] ?? "0", CultureInfo.InvariantCulture);

        var labels = metadata["labels"] is JsonObject labelNode && labelNode.Count > 0
            ? labelNode.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : NoLabels;

        var fields = new Dictionary<string, string>(2 + type.SelectableFields.Length, StringComparer.Ordinal)
        {
            ["metadata.name"] = name,
            ["metadata.namespace"] = ns,
        };
        foreach (var path in type.SelectableFields)
        {
            fields[path] = ScalarAt(obj, path);
        }

        return new StoredObject(type, ns, name, (string?)metadata["uid"] ?? "", rv, Serialize(obj), labels, fields,
            metadata["deletionTimestamp"] is not null,
            metadata["ownerReferences"] is JsonArray { Count: > 0 } owners ? [.. owners.Select(o => (string?)o?["uid"] ?? "")] : []);
    }

    /// <summary>
    /// Minimal escaping, as the API server writes JSON: quotes and control characters only (no <c>\u0022</c> or
    /// escaped non-ASCII text in names, annotations and messages).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The value a field selector compares: strings as they are, other scalars in JSON form, absent as "".</summary>
    private static string ScalarAt(JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var segment in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => "",
        };
    }
}
