using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// Reads a cloud-config as YAML, which is how upstream reads it (sigs.k8s.io/yaml: YAML, then JSON, then
/// encoding/json). JSON is YAML, so the documented JSON works, and so do the forms people copy: unquoted keys
/// (<c>Global:</c>), trailing commas, tabs, <c>#</c> comments, and block YAML. Builds a small positioned tree and,
/// on a syntax error, names the last field written before the error.
/// </summary>
internal static partial class ConfigDocumentParser
{
    /// <summary>The root node of the first document, or null for an empty file.</summary>
    public static ConfigNode? Parse(string text, string path)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            return ReadNode(parser, "");
        }
        catch (CloudConfigException e) when (e.Path.Length == 0)
        {
            throw new CloudConfigException(path, e.Errors);
        }
        catch (YamlException e)
        {
            var (problem, fix) = Explain(e.Message);
            var (line, column) = ((int)e.Start.Line, (int)e.Start.Column);
            throw new CloudConfigException(path, [new CloudConfigError(line, column, FieldBefore(text, line, column), problem, fix)]);
        }
    }

    private static ConfigNode ReadNode(IParser parser, string path)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new ConfigScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, Line(scalar), Column(scalar));
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var entries = new List<KeyValuePair<ConfigScalar, ConfigNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, path);
                if (keyNode is not ConfigScalar key)
                {
                    throw new CloudConfigException("", [new CloudConfigError(keyNode.Line, keyNode.Column, Describe(path), $"a key is {keyNode.Kind}", "Keys are plain names such as Global or region")]);
                }

                entries.Add(new(key, ReadNode(parser, Join(path, key.Value))));
            }

            return new ConfigMapping(entries, Line(mappingStart), Column(mappingStart));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<ConfigNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, path));
            }

            return new ConfigSequence(items, Line(sequenceStart), Column(sequenceStart));
        }

        var unexpected = parser.Current!;
        throw new CloudConfigException("", [new CloudConfigError(Line(unexpected), Column(unexpected), Describe(path), "YAML anchors and aliases are not supported", "Write each value out in full")]);
    }

    /// <summary>Turns the YAML library's wording into what a user editing a JSON-looking file needs to hear.</summary>
    private static (string Problem, string Fix) Explain(string message)
    {
        var problem = message.TrimEnd('.');
        var comma = problem.IndexOf(", ", StringComparison.Ordinal);
        if (problem.StartsWith("While ", StringComparison.Ordinal) && comma > 0)
        {
            problem = problem[(comma + 2)..];
        }

        problem = "syntax error: " + problem;
        var fix = message switch
        {
            _ when message.Contains("expected ',' or '}'", StringComparison.Ordinal) => "A comma is missing between two fields, or a '}' is missing",
            _ when message.Contains("expected ',' or ']'", StringComparison.Ordinal) => "A comma is missing between two items, or a ']' is missing",
            _ when message.Contains("quoted scalar", StringComparison.Ordinal) => "A quoted value is not closed: add the closing quote",
            _ when message.Contains("end of stream", StringComparison.Ordinal) => "A '{' or '[' is not closed",
            _ when message.Contains("node content", StringComparison.Ordinal) => "A value is missing here (two commas in a row, or a key without a value)",
            _ when message.Contains("mapping values are not allowed", StringComparison.Ordinal) => "An unquoted value contains ': ' or a ':' is misplaced: quote the value",
            _ when message.Contains("cannot start any token", StringComparison.Ordinal) => "A value starts with a character YAML reserves (such as @ or `): quote the value",
            _ when message.Contains("expected key", StringComparison.Ordinal) => "Indentation is inconsistent or a ':' is missing after a key",
            _ => "Check the JSON (or YAML) syntax at this position",
        };
        return (problem, fix);
    }

    /// <summary>
    /// The last key written before a syntax error, found in the text because the YAML scanner reads ahead and fails
    /// before the parser has produced that key: <c>"vpcid":</c> or <c>vpcid: </c>, not the colon inside a value
    /// such as <c>"cn-hangzhou-k:vsw-1"</c>.
    /// </summary>
    private static string FieldBefore(string text, int line, int column)
    {
        var lines = text.Split('\n');
        var offset = lines.Take(line - 1).Sum(l => l.Length + 1) + Math.Max(0, column - 1);
        var key = Key().Matches(text[..Math.Min(offset, text.Length)]).LastOrDefault()?.Groups["key"].Value;
        return key is null ? "(top level)"
            : key.Equals("Global", StringComparison.OrdinalIgnoreCase) ? "Global"
            : GlobalFields.Find(key) is { } field ? "Global." + field
            : key;
    }

    [GeneratedRegex("(?:\"(?<key>[^\"\\n]+)\"\\s*:|'(?<key>[^'\\n]+)'\\s*:|(?<![\\w\"'-])(?<key>[A-Za-z_][\\w-]*):(?=\\s))")]
    private static partial Regex Key();

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(string path) => path.Length == 0 ? "(top level)" : path;

    private static int Line(ParsingEvent e) => (int)e.Start.Line;

    private static int Column(ParsingEvent e) => (int)e.Start.Column;
}
