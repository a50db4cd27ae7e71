using System.Globalization;
using System.Text;
using System.Text.Json;
using Ccm.CloudClients.Slb;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// Parameters the API takes as one JSON string (reference §1.1): SLB <c>BackendServers</c>, <c>Tags</c>,
/// <c>Old/NewBackendServers</c>; ECS <c>InstanceIds</c>, <c>PrivateIpAddresses</c>. Written with
/// <see cref="Utf8JsonWriter"/> so the exact shape is visible here, not decided by a serializer.
/// </summary>
public static class JsonParameters
{
    /// <summary><c>["a","b"]</c>.</summary>
    public static string? StringArray(IReadOnlyList<string>? values) => values is null ? null : Write(w =>
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    });

    /// <summary><c>[{"TagKey":"k","TagValue":"v"}]</c>, the form AddTags/RemoveTags/DescribeLoadBalancers take.</summary>
    public static string? Tags(IReadOnlyList<Tag>? tags) => tags is null ? null : Write(w =>
    {
        w.WriteStartArray();
        foreach (var tag in tags)
        {
            w.WriteStartObject();
            w.WriteString("TagKey", tag.Key);
            w.WriteString("TagValue", tag.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>
    /// The documented form <c>[{"ServerId":"i-x","Weight":"100","Type":"ecs","Port":"80","Description":"d"}]</c>:
    /// PascalCase keys and numbers as strings, which every server version accepts (the Go CCM's camelCase numbers
    /// only work because the service is lenient). Unset fields are omitted so the service keeps its defaults.
    /// </summary>
    public static string? BackendServers(IReadOnlyList<BackendServer>? servers) => servers is null ? null : Write(w =>
    {
        w.WriteStartArray();
        foreach (var server in servers)
        {
            w.WriteStartObject();
            w.WriteString("ServerId", server.ServerId);
            WriteIfSet(w, "ServerIp", server.ServerIp);
            WriteIfSet(w, "Port", server.Port?.ToString(CultureInfo.InvariantCulture));
            WriteIfSet(w, "Weight", server.Weight?.ToString(CultureInfo.InvariantCulture));
            WriteIfSet(w, "Type", server.Type);
            WriteIfSet(w, "Description", server.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps non-ASCII descriptions readable; the percent-encoder makes them wire-safe.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
