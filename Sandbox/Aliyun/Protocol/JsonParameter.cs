using System.Globalization;
using System.Text.Json;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>
/// Parameters that travel as one JSON string (ECS <c>InstanceIds</c>, <c>PrivateIpAddresses</c>; SLB <c>Tags</c>,
/// <c>BackendServers</c>). Read leniently, as the real service does: keys in any case, numbers or strings, unknown keys
/// ignored.
/// </summary>
internal static class JsonParameter
{
    /// <summary>A JSON array of strings, at most <paramref name="max"/> long; null when the parameter is absent.</summary>
    public static IReadOnlyList<string>? StringArray(ApiParameters parameters, string name, int max)
    {
        var text = parameters.NonEmpty(name);
        if (text is null)
        {
            return null;
        }

        var values = Objects(name, text, allowScalars: true).Select(e => Scalar(e) ?? "").ToList();
        return values.Count <= max
            ? values
            : throw CommonErrors.InvalidParameter(name, $"The parameter {name} accepts at most {max} values.");
    }

    /// <summary>Each element of a JSON array (objects, or scalars when <paramref name="allowScalars"/>).</summary>
    public static IReadOnlyList<JsonElement> Objects(string name, string text, bool allowScalars = false)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw CommonErrors.InvalidParameter(name, $"The parameter {name} must be a JSON array.");
            }

            var elements = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            return allowScalars || elements.TrueForAll(e => e.ValueKind == JsonValueKind.Object)
                ? elements
                : throw CommonErrors.InvalidParameter(name, $"The parameter {name} must be a JSON array of objects.");
        }
        catch (JsonException)
        {
            throw CommonErrors.InvalidParameter(name, $"The parameter {name} is not valid JSON.");
        }
    }

    /// <summary>A property looked up case-insensitively, as text whether it was sent as a string, number or boolean.</summary>
    public static string? Field(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return Scalar(property.Value);
            }
        }

        return null;
    }

    public static int? IntField(JsonElement element, string name, string parameter)
    {
        var text = Field(element, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CommonErrors.InvalidParameter(parameter, $"The {name} in {parameter} is not a number.");
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
