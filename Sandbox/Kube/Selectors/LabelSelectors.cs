using System.Text;
using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Selectors;

/// <summary>Converts the structured <c>LabelSelector</c> of a spec (matchLabels, matchExpressions) into a selector.</summary>
internal static class LabelSelectors
{
    public static LabelSelector FromJson(JsonObject selector)
    {
        var text = new StringBuilder();
        if (selector["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                Append(text, $"{key}={(string?)value}");
            }
        }

        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions.OfType<JsonObject>())
            {
                var key = (string?)expression["key"];
                var values = expression["values"] is JsonArray v ? string.Join(',', v.Select(x => (string?)x)) : "";
                Append(text, (string?)expression["operator"] switch
                {
                    "In" => $"{key} in ({values})",
                    "NotIn" => $"{key} notin ({values})",
                    "Exists" => key!,
                    "DoesNotExist" => "!" + key,
                    var op => throw new FormatException($"\"{op}\" is not a valid label selector operator"),
                });
            }
        }

        return LabelSelector.Parse(text.ToString());
    }

    /// <summary>A Service's <c>spec.selector</c> (a plain label map); null when it selects nothing (no selector).</summary>
    public static LabelSelector? FromMap(JsonNode? map) =>
        map is JsonObject { Count: > 0 } labels
            ? LabelSelector.FromMatchLabels(labels.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value ?? "")))
            : null;

    private static void Append(StringBuilder text, string requirement)
    {
        if (text.Length > 0)
        {
            text.Append(',');
        }

        text.Append(requirement);
    }
}
