using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.CloudClients.Json;

/// <summary>
/// Reads the API's wrapped lists, <c>"LoadBalancers": {"LoadBalancer": [...]}</c>, as a plain list, so callers write
/// <c>response.LoadBalancers</c> rather than <c>response.LoadBalancers.LoadBalancer</c>. Whatever the single inner
/// name is (<c>RouterTableListType</c>, <c>RouteEntry</c>, <c>VSwitchId</c>) it is accepted; a bare array and
/// <c>null</c> are accepted too, because lenient is what the SDKs are. Item metadata comes from the caller's
/// source-generated context, so this stays reflection-free. Read-only: these models are never written to the wire.
/// </summary>
public sealed class WrappedListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemType = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, itemType);
            case JsonTokenType.StartObject:
                List<T> items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    reader.Read(); // past the inner name to its value
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        items.AddRange(ReadArray(ref reader, itemType));
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        // Anything but a list or null means the body is not what we think it is: fail loudly.
                        throw new JsonException($"expected a list of {typeof(T).Name} inside the wrapper");
                    }
                }

                return items;
            default:
                throw new JsonException($"expected a wrapped list of {typeof(T).Name}");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("response models are read from the wire, never written");

    private static List<T> ReadArray(ref Utf8JsonReader reader, JsonTypeInfo<T> itemType)
    {
        List<T> items = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, itemType)!);
        }

        return items;
    }
}

/// <summary>Reads a string, number or boolean as text: a few fields are strings in one model and booleans in another.</summary>
public sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException("expected a scalar"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
