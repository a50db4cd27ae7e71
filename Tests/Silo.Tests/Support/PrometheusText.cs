using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ccm.Silo.Tests.Support;

/// <summary>One parsed sample line.</summary>
public sealed record ParsedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, used to check the exporter's output: every sample belongs to a
/// family declared by one TYPE line before it, names and label names are valid, label values unescape, values parse.
/// </summary>
public sealed partial class PrometheusText
{
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Help { get; } = new(StringComparer.Ordinal);

    public List<ParsedSample> Samples { get; } = [];

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        Assert.EndsWith("\n", text);
        foreach (var line in text.Split('\n').SkipLast(1))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ', 2);
                Assert.True(parsed.Help.TryAdd(parts[0], parts.Length > 1 ? parts[1] : ""), $"second HELP for {parts[0]}");
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.Equal(2, parts.Length);
                Assert.Contains(parts[1], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(parsed.Types.TryAdd(parts[0], parts[1]), $"second TYPE for {parts[0]}");
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var name = match.Groups["name"].Value;
            Assert.True(parsed.Types.ContainsKey(FamilyOf(name, parsed.Types)), $"sample {name} before its TYPE line");
            var labels = ParseLabels(match.Groups["labels"].Value);
            parsed.Samples.Add(new ParsedSample(name, labels, ParseValue(match.Groups["value"].Value)));
        }

        return parsed;
    }

    public IEnumerable<ParsedSample> Family(string name) => Samples.Where(s => FamilyOf(s.Name, Types) == name);

    private static string FamilyOf(string sample, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.GetValueOrDefault(sample[..^suffix.Length]) == "histogram")
            {
                return sample[..^suffix.Length];
            }
        }

        return sample;
    }

    private static Dictionary<string, string> ParseLabels(string text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            var name = text[i..equals];
            Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", name);
            Assert.Equal('"', text[equals + 1]);
            var value = new StringBuilder();
            var j = equals + 2;
            for (; text[j] != '"'; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                    value.Append(text[j] switch { 'n' => '\n', '\\' => '\\', '"' => '"', var c => throw new Xunit.Sdk.XunitException($"bad escape \\{c}") });
                }
                else
                {
                    value.Append(text[j]);
                }
            }

            Assert.True(labels.TryAdd(name, value.ToString()), $"label {name} twice");
            i = j + 1;
            if (i < text.Length)
            {
                Assert.Equal(',', text[i]);
                i++;
            }
        }

        return labels;
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>.*)\\})? (?<value>\\S+)$")]
    private static partial Regex SampleLine();
}
