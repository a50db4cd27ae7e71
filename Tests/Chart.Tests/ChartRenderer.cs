using System.Collections.Concurrent;
using Ccm.TestSupport;

namespace Ccm.Chart.Tests;

/// <summary>
/// <c>helm template</c> of helm/ccm with value files from Tests/Chart.Tests/values. Renders are cached per value
/// set (helm output is deterministic apart from the generated dashboard token). <see cref="RenderToFileAsync"/>
/// writes the manifest to a file, for applying it with kubectl.
/// </summary>
public static class ChartRenderer
{
    public const string Release = "ccm";
    public const string Namespace = "kube-system";

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedChart>>> Cache = new();

    public static string ValuesFile(string name) => Path.Combine(RepoPaths.Root, "Tests", "Chart.Tests", "values", name);

    /// <summary>Renders with the named value files (none: the chart's defaults); fails the test if helm fails.</summary>
    public static Task<RenderedChart> RenderAsync(params string[] valuesFiles) =>
        Cache.GetOrAdd(string.Join('|', valuesFiles), _ => new Lazy<Task<RenderedChart>>(async () =>
        {
            var result = await TemplateAsync(valuesFiles);
            Assert.True(result.ExitCode == 0, $"helm template {string.Join(' ', valuesFiles)} failed: {result}");
            return RenderedChart.Parse(result.StandardOutput);
        })).Value;

    /// <summary>
    /// Renders the defaults plus extra helm arguments (<c>--set</c>, or <c>--namespace</c>, which overrides
    /// <see cref="Namespace"/> because helm takes the last one), uncached; fails the test if helm fails.
    /// </summary>
    public static async Task<RenderedChart> RenderWithAsync(params string[] helmArguments)
    {
        var result = await TemplateAsync([], helmArguments);
        Assert.True(result.ExitCode == 0, $"helm template {string.Join(' ', helmArguments)} failed: {result}");
        return RenderedChart.Parse(result.StandardOutput);
    }

    /// <summary>Runs <c>helm template</c> and returns its outcome as is (for the schema rejection tests).</summary>
    public static Task<ProcessResult> TemplateAsync(IEnumerable<string> valuesFiles, params string[] extraArguments) =>
        Helm.RunAsync(["template", Release, Helm.Chart, "--namespace", Namespace,
            .. valuesFiles.SelectMany(f => new[] { "--values", ValuesFile(f) }), .. extraArguments]);

    /// <summary>Writes the rendered manifest to <paramref name="directory"/>/ccm.yaml and returns the path.</summary>
    public static async Task<string> RenderToFileAsync(string directory, params string[] valuesFiles)
    {
        var chart = await RenderAsync(valuesFiles);
        var path = Path.Combine(directory, "ccm.yaml");
        await File.WriteAllTextAsync(path, chart.Manifest);
        return path;
    }

    /// <summary>
    /// The text NOTES.txt renders to. <c>helm template</c> skips NOTES.txt and <c>helm install --dry-run</c> needs a
    /// cluster, so a copy of the chart turns NOTES.txt into a named template emitted in a probe ConfigMap.
    /// </summary>
    public static async Task<string> RenderNotesAsync(string @namespace, params string[] valuesFiles)
    {
        var copy = Directory.CreateTempSubdirectory("ccm-chart-notes-");
        try
        {
            CopyDirectory(Helm.Chart, copy.FullName);
            var templates = Path.Combine(copy.FullName, "templates");
            var notes = await File.ReadAllTextAsync(Path.Combine(templates, "NOTES.txt"));
            File.Delete(Path.Combine(templates, "NOTES.txt"));
            await File.WriteAllTextAsync(Path.Combine(templates, "_notes_probe.tpl"), "{{- define \"probe.notes\" -}}\n" + notes + "{{- end -}}\n");
            await File.WriteAllTextAsync(Path.Combine(templates, "notes-probe.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes-probe\ndata:\n  notes: {{ include \"probe.notes\" . | toJson }}\n");
            var result = await Helm.RunAsync(["template", Release, copy.FullName, "--namespace", @namespace,
                "--show-only", "templates/notes-probe.yaml", .. valuesFiles.SelectMany(f => new[] { "--values", ValuesFile(f) })]);
            Assert.True(result.ExitCode == 0, $"rendering NOTES.txt failed: {result}");
            return RenderedChart.Parse(result.StandardOutput).Single("ConfigMap", "notes-probe")["data"]!["notes"]!.GetValue<string>();
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
