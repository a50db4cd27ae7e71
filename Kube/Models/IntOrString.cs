using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccm.Kube.Models;

/// <summary>
/// util/intstr IntOrString, e.g. a Service port's <c>targetPort</c>: a number, or the name of a container port.
/// </summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? name)
    {
        Number = number;
        Name = name;
    }

    /// <summary>Set when the value is a number.</summary>
    public int? Number { get; }

    /// <summary>Set when the value is a (port) name.</summary>
    public string? Name { get; }

    public bool IsNumber => Number is not null;

    public static IntOrString FromInt(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(null, value);

    public static implicit operator IntOrString(int value) => FromInt(value);

    public static implicit operator IntOrString(string value) => FromString(value);

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Name ?? "";
}

/// <summary>Reads and writes <see cref="IntOrString"/> as the bare JSON number or string.</summary>
public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => IntOrString.FromInt(reader.GetInt32()),
            JsonTokenType.String => IntOrString.FromString(reader.GetString()!),
            _ => throw new JsonException($"int-or-string expected, found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
