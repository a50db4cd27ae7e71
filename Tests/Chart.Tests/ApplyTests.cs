using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;

namespace Ccm.Chart.Tests;

/// <summary>
/// The rendered manifests, for the defaults and every value set, applied with the real <c>kubectl apply -f</c> to the
/// Kubernetes emulator (default strict validation against the emulator's OpenAPI): every object is created, reads back
/// as rendered, and a second apply (an upgrade with nothing changed) succeeds too.
/// </summary>
public sealed class ApplyTests
{
    public static TheoryData<string> DefaultsAndValueSets => ["", .. ValueSets.All];

    [Theory]
    [MemberData(nameof(DefaultsAndValueSets))]
    public async Task The_rendered_manifests_apply_to_the_Kubernetes_emulator(string valuesFile)
    {
        string[] values = valuesFile.Length == 0 ? [] : [valuesFile];
        var chart = await ChartRenderer.RenderAsync(values);
        await using var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo });
        var folder = Directory.CreateTempSubdirectory("ccm-chart-apply-");
        try
        {
            var kubeconfig = Path.Combine(folder.FullName, "kubeconfig");
            kube.WriteKubeconfig(kubeconfig);
            var manifest = await ChartRenderer.RenderToFileAsync(folder.FullName, values);

            var created = await KubectlAsync(kubeconfig, "apply", "-f", manifest);
            Assert.Equal(chart.Objects.Select(o => $"{Kind(o).ToLowerInvariant()}/{Name(o)} created").Order(), Reported(created).Order());

            var stored = JsonNode.Parse(await KubectlAsync(kubeconfig, "get", "-f", manifest, "-o", "json"))!["items"]!.AsArray();
            Assert.Equal(
                chart.Objects.Select(o => (Kind(o), Name(o), Namespace(o))).Order(),
                stored.Select(o => (Kind(o!.AsObject()), Name(o.AsObject()), Namespace(o.AsObject()))).Order());
            var statefulSet = stored.Single(o => Kind(o!.AsObject()) == "StatefulSet")!;
            Assert.Equal(chart.Args, statefulSet["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => (string)a!));

            var again = await KubectlAsync(kubeconfig, "apply", "-f", manifest);
            Assert.DoesNotContain(" created", again, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>kubectl's lines <c>statefulset.apps/ccm created</c> as <c>statefulset/ccm created</c> (the group dropped).</summary>
    private static IEnumerable<string> Reported(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('/', 2))
            .Select(parts => $"{parts[0].Split('.')[0]}/{parts[1]}");

    private static string Kind(JsonObject o) => (string)o["kind"]!;

    private static string Name(JsonObject o) => (string)o["metadata"]!["name"]!;

    private static string Namespace(JsonObject o) => (string?)o["metadata"]!["namespace"] ?? "";

    private static async Task<string> KubectlAsync(string kubeconfig, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(RepoPaths.Tool("kubectl"), ["--kubeconfig", kubeconfig, .. args], timeout: TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {result}");
        return result.StandardOutput;
    }
}
