using System.Buffers;
using System.Text.Json;

namespace Ccm.Kube.Models;

/// <summary>Reads one top-level string property of a complete JSON object without materializing anything else.</summary>
internal static class JsonPeek
{
    /// <summary>The value of <paramref name="property"/> (e.g. <c>"kind"</c>, <c>"type"</c>), or null when absent or not a string.</summary>
    public static string? TopLevelString(ReadOnlySequence<byte> json, ReadOnlySpan<byte> property)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    public static string? TopLevelString(byte[] json, ReadOnlySpan<byte> property) =>
        TopLevelString(new ReadOnlySequence<byte>(json), property);
}
