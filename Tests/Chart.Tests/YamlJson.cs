using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ccm.Chart.Tests;

/// <summary>
/// Reads YAML (single or multi-document) into <see cref="JsonNode"/>s with the scalar types the API server would
/// see: plain true/false, integers (YAML 1.1 octal such as 0440 included, as sigs.k8s.io/yaml reads it), null;
/// quoted scalars stay strings.
/// </summary>
public static partial class YamlJson
{
    public static IReadOnlyList<JsonNode?> ReadAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode))];
    }

    public static JsonNode? Read(string yaml) => ReadAll(yaml).SingleOrDefault();

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(
            c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            // Numbers go through the JSON reader so that any numeric type can be read back (GetValue<int>, (long)...).
            _ when Octal().IsMatch(text) => JsonNode.Parse(System.Convert.ToInt64(text, 8).ToString(CultureInfo.InvariantCulture)),
            _ when Integer().IsMatch(text) => JsonNode.Parse(text.TrimStart('+')),
            _ when Float().IsMatch(text) => JsonNode.Parse(double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^0[0-7]+$")]
    private static partial Regex Octal();

    [GeneratedRegex("^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?[0-9]*\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
