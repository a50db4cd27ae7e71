using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>
/// meta/v1 <c>Time</c>: RFC 3339 in UTC with whole seconds (<c>2006-01-02T15:04:05Z</c>), which is what the
/// API server writes. Reading accepts any RFC 3339 form.
/// </summary>
public sealed class KubeTimeConverter() : KubeTimeConverterBase("yyyy-MM-dd'T'HH:mm:ss'Z'");

/// <summary>
/// meta/v1 <c>MicroTime</c> (Lease <c>acquireTime</c>/<c>renewTime</c>, events.k8s.io <c>eventTime</c>): the server
/// parses it with Go's layout <c>2006-01-02T15:04:05.000000Z07:00</c>, which demands exactly six fractional digits.
/// </summary>
public sealed class KubeMicroTimeConverter() : KubeTimeConverterBase("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");

/// <summary>Reads any RFC 3339 time; writes UTC in the subclass's layout.</summary>
public abstract class KubeTimeConverterBase(string format) : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        KubeTime.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options) =>
        KubeTime.Write(writer, value, format);
}

internal static class KubeTime
{
    public static DateTimeOffset? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new JsonException($"'{text}' is not an RFC 3339 time");
    }

    public static void Write(Utf8JsonWriter writer, DateTimeOffset? value, string format)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
    }
}
