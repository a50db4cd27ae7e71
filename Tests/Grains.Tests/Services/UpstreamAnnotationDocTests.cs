using System.Text.RegularExpressions;
using Ccm.Grains.Services;
using Ccm.TestSupport;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// The reference inventory of upstream's annotations (a copy of its section 2 in <c>Fixtures/</c>) against our
/// catalogue: every CLB annotation it lists is handled, or has a written reason, and every NLB-only one is said to be
/// NLB only. A new upstream annotation added to the reference fails here until it is handled or explained.
/// </summary>
public partial class UpstreamAnnotationDocTests
{
    private static readonly Lazy<string[]> Lines = new(() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "Tests", "Grains.Tests", "Services", "Fixtures", "ccm-upstream-annotations.md")));

    private static readonly IReadOnlyDictionary<string, AnnotationSupport> Ours =
        UpstreamAnnotations.All.ToDictionary(a => a.Name.StartsWith(ServicePredicates.AnnotationPrefix, StringComparison.Ordinal)
            ? a.Name[ServicePredicates.AnnotationPrefix.Length..] : a.Name, StringComparer.Ordinal);

    /// <summary>
    /// The first cell of each row of the table, expanded: <c>sticky-session / -type / cookie</c> names
    /// <c>sticky-session</c>, <c>sticky-session-type</c> and <c>cookie</c>. A <c>-suffix</c> replaces the end of the
    /// row's first name (<c>health-check-uri / -domain</c> is <c>health-check-domain</c>); the ending is found as the
    /// shortest cut that makes a name we know, so a name we do not know stays unresolved and fails the test.
    /// </summary>
    private static IReadOnlyList<(string Row, string? Name)> DocumentedClb()
    {
        var rows = Lines.Value.SkipWhile(l => !l.StartsWith("| suffix", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'));
        var result = new List<(string, string?)>();
        foreach (var row in rows)
        {
            var cell = row.Split('|')[1].Replace("★", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();
            var items = cell.Split(" / ", StringSplitOptions.TrimEntries);
            var names = new List<string>();
            foreach (var item in items)
            {
                names.Add(item.StartsWith('-') ? Expand(items[0], item, names) ?? "?" + item : item);
            }

            result.AddRange(names.Select(n => (cell, n.StartsWith('?') ? null : (string?)n)));
        }

        return result;
    }

    private static string? Expand(string first, string suffix, List<string> taken)
    {
        var segments = first.Split('-');
        return Enumerable.Range(0, segments.Length)
            .Select(cut => string.Join('-', segments[..^cut]) + suffix)
            .FirstOrDefault(candidate => !taken.Contains(candidate) && Ours.ContainsKey(candidate));
    }

    /// <summary>The "NLB-only:" line: <c>cacert(-id)</c> names <c>cacert</c> and <c>cacert-id</c>; <c>ppv2-*</c> is a family.</summary>
    private static IReadOnlyList<string> DocumentedNlb()
    {
        var line = Lines.Value.Single(l => l.StartsWith("- NLB-only:", StringComparison.Ordinal));
        return [.. line["- NLB-only:".Length..].TrimEnd('.').Split(',', StringSplitOptions.TrimEntries)
            .SelectMany(item => Optional().Match(item) is { Success: true } m ? [m.Groups[1].Value, m.Groups[1].Value + m.Groups[2].Value] : new[] { item })];
    }

    [Fact]
    public void The_fixture_is_read_whole()
    {
        Assert.True(DocumentedClb().Count >= 66, $"only {DocumentedClb().Count} CLB annotations parsed from the fixture");
        Assert.True(DocumentedNlb().Count >= 15, $"only {DocumentedNlb().Count} NLB annotations parsed from the fixture");
    }

    [Fact]
    public void Every_documented_CLB_annotation_is_handled_or_has_a_written_reason()
    {
        var unresolved = DocumentedClb().Where(d => d.Name is null || !Ours.ContainsKey(d.Name)).Select(d => $"{d.Name ?? "?"} (row \"{d.Row}\")").ToList();
        Assert.True(unresolved.Count == 0, "upstream annotations with neither handling nor a reason: " + string.Join(", ", unresolved));
        Assert.DoesNotContain(DocumentedClb(), d => Ours[d.Name!] is { Supported: false } a && string.IsNullOrWhiteSpace(a.Note));
    }

    [Fact]
    public void Every_documented_CLB_annotation_is_in_the_catalogue()
    {
        var catalogued = AnnotationCatalog.All.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(DocumentedClb().Select(d => d.Name).OfType<string>(), n => !catalogued.Contains(n));
    }

    [Fact]
    public void Every_documented_NLB_annotation_is_listed_as_NLB_only()
    {
        foreach (var name in DocumentedNlb())
        {
            var matches = name.EndsWith('*')
                ? Ours.Where(o => o.Key.StartsWith(name.TrimEnd('*'), StringComparison.Ordinal)).Select(o => o.Value).ToList()
                : Ours.TryGetValue(name, out var one) ? [one] : [];
            Assert.True(matches.Count > 0, $"{name}: not in UpstreamAnnotations");
            Assert.All(matches, m => Assert.Equal((false, UpstreamAnnotations.NlbOnly), (m.Supported, m.Note)));
        }
    }

    [GeneratedRegex(@"^([a-z0-9-]+)\((-[a-z0-9-]+)\)$")]
    private static partial Regex Optional();
}
