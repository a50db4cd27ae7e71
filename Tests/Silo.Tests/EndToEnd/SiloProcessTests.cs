using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ccm.Silo.Tests.Flags;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;

namespace Ccm.Silo.Tests.EndToEnd;

/// <summary>The real executable: <c>dotnet Ccm.Silo.dll ...</c>, its exit codes, standard error and SIGTERM.</summary>
public sealed partial class SiloProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// No API server answers the fixtures' kubeconfig. Clustered, Orleans cannot start without its membership table (the
    /// silo exits and its pod restarts); alone, the silo runs and reports not ready while its watches fail, which is what
    /// these tests observe. The last of a repeated flag wins, so this overrides the manifests' <c>--leader-elect=true</c>.
    /// </summary>
    private static readonly string[] Alone = ["--leader-elect=false", "--silo-port=0"];
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Help_documents_the_flags_and_exits_0()
    {
        var result = await RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: Ccm.Silo [flags]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--route-reconciliation-period duration", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Theory]
    [InlineData("unknown flag")]
    [InlineData("duration without unit")]
    [InlineData("routes without cluster CIDR")]
    [InlineData("cloud-config secret not base64")]
    [InlineData("cloud-config route tables separated by spaces")]
    public async Task Catalogued_bad_input_exits_2_with_its_message_on_stderr(string name)
    {
        var input = BadInputCatalogue.Named(name);
        var result = await RunAsync([.. SiloTestOptions.LoopbackListeners, .. BadInputCatalogue.Arguments(input, files)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(input.Expected, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
        Assert.All(TestFiles.SecretForms, secret => Assert.DoesNotContain(secret, result.StandardError, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("upstream-deploy-v1.args")]
    [InlineData("upstream-deploy-v2.args")]
    [InlineData("upstream-getting-started.args")]
    [InlineData("upstream-docs-example.args")]
    [InlineData("upstream-klog-space-form.args")]
    public async Task Starts_with_an_upstream_manifest_reports_healthy_and_stops_on_SIGTERM(string fixture)
    {
        var args = UpstreamManifestTests.PointedAtTestFiles(fixture, files.Write("cloud-config.conf", TestFiles.ValidCloudConfig));
        // A manifest without --kubeconfig runs in the Pod's service account; here KUBECONFIG stands in for it.
        var environment = new Dictionary<string, string>(TestFiles.UnreachableCloud) { ["KUBECONFIG"] = TestFiles.Fixture("kubeconfig.yaml") };
        await using var silo = BackgroundProcess.Start("dotnet", [TestFiles.SiloAssembly, .. args, "--silo-port=0", "--health-probe-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=0"], environment);

        var health = await HealthUrlAsync(silo);
        using var http = new HttpClient();
        using var healthz = await http.GetAsync(new Uri(health, "/healthz"));
        using var readyz = await http.GetAsync(new Uri(health, "/readyz"));
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode); // no API server behind the fixture's kubeconfig
        Assert.Contains("cluster membership: waiting for the Kubernetes API server at", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await silo.StopAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Stopping gracefully within 30s", silo.Transcript, StringComparison.Ordinal);
        if (fixture == "upstream-deploy-v1.args")
        {
            Assert.Contains("Ignoring --allow-untagged-cloud=true: deprecated upstream", silo.Transcript, StringComparison.Ordinal);
            Assert.DoesNotContain("--feature-gates:", silo.Transcript, StringComparison.Ordinal); // ServiceNodeExclusion=true is a known gate
        }

        if (fixture is "upstream-docs-example.args" or "upstream-klog-space-form.args")
        {
            Assert.Contains(" is read as leases", silo.Transcript, StringComparison.Ordinal);
        }

        Assert.All(TestFiles.SecretForms, secret => Assert.DoesNotContain(secret, silo.Transcript, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line()
    {
        var cloudConfig = files.Write("cloud-config.conf", TestFiles.ValidCloudConfig);
        await using var silo = BackgroundProcess.Start("dotnet",
            [TestFiles.SiloAssembly, $"--cloud-config={cloudConfig}", $"--kubeconfig={TestFiles.Fixture("kubeconfig.yaml")}", "--configure-cloud-routes=false", "--log-format=json", "--address=127.0.0.1", .. Alone, .. SiloTestOptions.LoopbackListeners],
            TestFiles.UnreachableCloud);
        var line = await silo.WaitForLineAsync(l => l.Contains("Serving", StringComparison.Ordinal), StartTimeout);
        Assert.Equal(0, await silo.StopAsync(TimeSpan.FromSeconds(60)));

        var entries = silo.Transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();
        var ignored = entries.Single(e => e.RootElement.GetProperty("Message").GetString()!.StartsWith("Ignoring --address", StringComparison.Ordinal));
        Assert.Equal("--address", ignored.RootElement.GetProperty("State").GetProperty("Flag").GetString());
        Assert.Equal("Information", ignored.RootElement.GetProperty("LogLevel").GetString());
        entries.ForEach(e => e.Dispose());
        Assert.StartsWith("{", line, StringComparison.Ordinal);
    }

    private static async Task<Uri> HealthUrlAsync(BackgroundProcess silo)
    {
        var line = await silo.WaitForLineAsync(l => l.Contains("Serving Health", StringComparison.Ordinal), StartTimeout);
        return new Uri(ServingUrl().Match(line).Groups["url"].Value);
    }

    private static Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [TestFiles.SiloAssembly, .. args], timeout: TimeSpan.FromSeconds(60));

    [GeneratedRegex("on (?<url>http://127\\.0\\.0\\.1:\\d+/)")]
    private static partial Regex ServingUrl();
}
