using System.Text.Json.Nodes;

namespace Ccm.Chart.Tests;

/// <summary>The objects of one <c>helm template</c> run, with shortcuts to the silo StatefulSet's parts.</summary>
public sealed class RenderedChart
{
    private RenderedChart(string manifest, IReadOnlyList<JsonObject> objects)
    {
        Manifest = manifest;
        Objects = objects;
    }

    /// <summary>The manifest text as helm printed it (comments included).</summary>
    public string Manifest { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public JsonObject StatefulSet => Single("StatefulSet");

    public JsonObject PodSpec => StatefulSet["spec"]!["template"]!["spec"]!.AsObject();

    public JsonObject Silo => PodSpec["containers"]!.AsArray().Single()!.AsObject();

    public IReadOnlyList<string> Args => [.. Silo["args"]!.AsArray().Select(a => a!.GetValue<string>())];

    public static RenderedChart Parse(string manifest) =>
        new(manifest, [.. YamlJson.ReadAll(manifest).OfType<JsonObject>()]);

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string? name = null)
    {
        var matches = OfKind(kind).Where(o => name is null || (string?)o["metadata"]!["name"] == name).ToList();
        Assert.True(matches.Count == 1, $"expected one {kind} {name}, found {matches.Count}");
        return matches[0];
    }

    public bool Has(string kind, string? name = null) =>
        OfKind(kind).Any(o => name is null || (string?)o["metadata"]!["name"] == name);

    /// <summary>The value of <c>--flag=value</c> in the silo's args, or null when the flag is absent.</summary>
    public string? Arg(string flag)
    {
        var prefix = flag + "=";
        var values = Args.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a[prefix.Length..]).ToList();
        Assert.True(values.Count <= 1, $"{flag} is passed {values.Count} times");
        return values.SingleOrDefault();
    }

    /// <summary>The silo container's environment variables by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Env =>
        Silo["env"]!.AsArray().Select(e => e!.AsObject()).ToDictionary(e => (string)e["name"]!);

    public JsonObject Volume(string name) =>
        PodSpec["volumes"]!.AsArray().Select(v => v!.AsObject()).Single(v => (string?)v["name"] == name);

    public bool HasVolume(string name) =>
        PodSpec["volumes"]!.AsArray().Any(v => (string?)v!["name"] == name);
}
