using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.CloudClients;

/// <summary>
/// A resource tag. The products spell the fields differently on the wire (SLB and ECS <c>TagKey</c>/<c>TagValue</c>,
/// VPC <c>Key</c>/<c>Value</c>, request lists <c>Tag.N.Key</c>); one type reads all of them.
/// </summary>
[JsonConverter(typeof(TagJsonConverter))]
public sealed record Tag(string Key, string Value);

/// <summary>Reads <c>{"TagKey","TagValue"}</c> or <c>{"Key","Value"}</c>; writes the SLB/ECS spelling.</summary>
public sealed class TagJsonConverter : JsonConverter<Tag>
{
    public override Tag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a tag must be a JSON object");
        }

        string key = "", value = "";
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : null;
            if (text is null)
            {
                reader.Skip();
                continue;
            }

            if (name is "TagKey" or "Key")
            {
                key = text;
            }
            else if (name is "TagValue" or "Value")
            {
                value = text;
            }
        }

        return new Tag(key, value);
    }

    public override void Write(Utf8JsonWriter writer, Tag value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("TagKey", value.Key);
        writer.WriteString("TagValue", value.Value);
        writer.WriteEndObject();
    }
}
