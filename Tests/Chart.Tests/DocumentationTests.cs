using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ccm.Chart.Tests;

/// <summary>Every value is commented in values.yaml and listed in README.md with its real default.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string ValuesPath = Path.Combine(Helm.Chart, "values.yaml");

    [Fact]
    public async Task Every_key_in_values_yaml_has_a_comment_above_it()
    {
        var lines = await File.ReadAllLinesAsync(ValuesPath);

        var undocumented = lines.Select((line, i) => (line, i))
            .Where(l => Key().IsMatch(l.line) && (l.i == 0 || !lines[l.i - 1].TrimStart().StartsWith('#')))
            .Select(l => $"line {l.i + 1}: {l.line.Trim()}");
        Assert.Empty(undocumented);
    }

    [Fact]
    public async Task Readme_lists_every_value_with_its_default()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Helm.Chart, "README.md"));
        var rows = Row().Matches(readme).ToDictionary(m => m.Groups["path"].Value, m => m.Groups["default"].Value);
        var leaves = Leaves(YamlJson.Read(await File.ReadAllTextAsync(ValuesPath))!.AsObject(), "").ToList();

        Assert.NotEmpty(leaves);
        Assert.All(leaves, leaf =>
        {
            Assert.True(rows.TryGetValue(leaf.Path, out var documented), $"README.md has no row for {leaf.Path}");
            Assert.Equal(leaf.Default, documented);
        });
        Assert.Empty(rows.Keys.Except(leaves.Select(l => l.Path)));
    }

    [Fact]
    public async Task Readme_explains_why_a_secret_or_the_ram_role_beats_the_config_map()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Helm.Chart, "README.md"));

        Assert.Contains("base64 is an encoding, not encryption", readme, StringComparison.Ordinal);
        Assert.Contains("anyone who may read ConfigMaps in the namespace", readme, StringComparison.Ordinal);
        Assert.Contains("**`ramRole` (default): no keys at all.**", readme, StringComparison.Ordinal);
        Assert.Contains("The schema refuses it unless `dashboard.allowUnauthenticated: true`", readme, StringComparison.Ordinal);
    }

    /// <summary>Leaves are scalars, lists and empty maps; their default is written as compact JSON.</summary>
    private static IEnumerable<(string Path, string Default)> Leaves(JsonObject map, string prefix)
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject child && child.Count > 0)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, value?.ToJsonString() ?? "null");
            }
        }
    }

    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9]*:")]
    private static partial Regex Key();

    [GeneratedRegex(@"^\| `(?<path>[A-Za-z0-9.]+)` \| `(?<default>[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
