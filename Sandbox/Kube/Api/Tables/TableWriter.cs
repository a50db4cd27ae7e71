using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Api.Tables;

/// <summary>Writes a <c>meta.k8s.io/v1</c> Table of stored objects, rows in the order given.</summary>
internal static class TableWriter
{
    public static void Write(Utf8JsonWriter writer, TableRequest table, string resourceVersion, string? continueToken,
        IEnumerable<StoredObject> items, DateTimeOffset now) =>
        Write(writer, table, resourceVersion, continueToken, items.Select(i => (i.Json, i.ToJsonObject())), now);

    private static void Write(Utf8JsonWriter writer, TableRequest table, string resourceVersion, string? continueToken,
        IEnumerable<(byte[] Json, JsonObject Obj)> items, DateTimeOffset now)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", "meta.k8s.io/v1");
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion);
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("columnDefinitions");
        foreach (var column in table.Printer.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteString("format", column.Format);
            writer.WriteString("description", column.Description);
            writer.WriteNumber("priority", column.Priority);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var (json, obj) in items)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cells");
            foreach (var cell in table.Printer.Cells(obj, now))
            {
                if (cell is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    cell.WriteTo(writer);
                }
            }

            writer.WriteEndArray();
            WriteRowObject(writer, table.IncludeObject, json, obj);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A one-row Table of <paramref name="json"/>: a named get, or one event of a watch.</summary>
    public static byte[] Serialize(TableRequest table, byte[] json, DateTimeOffset now)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, StoredObject.WriterOptions))
        {
            Write(writer, table, (string?)obj["metadata"]?["resourceVersion"] ?? "", null, [(json, obj)], now);
        }

        return buffer.ToArray();
    }

    private static void WriteRowObject(Utf8JsonWriter writer, string include, byte[] json, JsonObject obj)
    {
        switch (include)
        {
            case "Object":
                writer.WritePropertyName("object");
                writer.WriteRawValue(json, skipInputValidation: true);
                break;
            case "Metadata":
                writer.WriteStartObject("object");
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", "meta.k8s.io/v1");
                writer.WritePropertyName("metadata");
                (obj["metadata"] ?? new JsonObject()).WriteTo(writer);
                writer.WriteEndObject();
                break;
        }
    }
}
