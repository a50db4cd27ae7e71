using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Silo;

/// <summary>
/// The argument lists of both upstream DaemonSet manifests (Tests/Silo.Tests/Fixtures), unchanged but for the
/// kubeconfig and cloud-config paths, start the real executable against the sandbox and it reports healthy: live
/// and ready (watches synced, an active cluster member, cloud credentials usable).
/// </summary>
public sealed class UpstreamManifestTests : IAsyncLifetime
{
    private SandboxWorld world = null!;

    public async Task InitializeAsync() => world = await SandboxWorld.StartAsync(deployDemoApp: false);

    public Task DisposeAsync() => world.DisposeAsync();

    [Theory]
    [InlineData("upstream-deploy-v1.args")]
    [InlineData("upstream-deploy-v2.args")]
    public async Task The_silo_starts_with_an_upstream_manifest_s_arguments_and_reports_healthy(string fixture)
    {
        string[] manifest = [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(arg => arg.StartsWith("--kubeconfig=", StringComparison.Ordinal) ? $"--kubeconfig={world.KubeconfigPath}"
                : arg.StartsWith("--cloud-config=", StringComparison.Ordinal) ? $"--cloud-config={world.CloudConfigPath}"
                : arg)];

        // Only the listeners are added (tests bind loopback only): v2's own "--metrics-bind-addr=0" is kept, v1 (which
        // leaves metrics at the default :8080 on every interface) gets a loopback port instead; the silo port is a free
        // one (loopback without $POD_IP) so test classes running at once do not share 11111.
        string[] listeners = ["--health-probe-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0", "--silo-port=0"];
        if (!manifest.Any(arg => arg.StartsWith("--metrics-bind-addr", StringComparison.Ordinal)))
        {
            listeners = [.. listeners, "--metrics-bind-addr=127.0.0.1:0"];
        }

        await using var silo = world.StartProcess([.. manifest, .. listeners, "--silo-name=manifest"]);

        await AssertHealthyAsync(await silo.ListenerAsync("Health"));
        Assert.Equal(0, await silo.TerminateAsync(TestTimings.Generous));
        // The host itself (flags, cloud-config, listeners, shutdown) logs no error; grain turns that fail and retry are
        // the grains' tests' business (SandboxCommandTests asserts a clean transcript for the whole sandbox).
        Assert.DoesNotContain(" fail: Ccm.Silo", silo.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_config_written_as_the_documentation_writes_it_with_an_unquoted_Global_key_loads()
    {
        var written = JsonNode.Parse(File.ReadAllText(world.CloudConfigPath))!["Global"]!;
        var documented = new StringBuilder("{\n    Global: {\n");
        foreach (var (key, value) in written.AsObject())
        {
            documented.Append($"        {key}: \"{value}\",\n");
        }

        var path = Path.Combine(world.Folder, "documented-cloud-config.conf");
        await File.WriteAllTextAsync(path, documented.Append("    }\n}\n").ToString());

        var silo = await world.StartSiloAsync("documented", [$"--cloud-config={path}"]);

        await AssertHealthyAsync(silo.HealthUrl!);
        Assert.Contains($"route tables {string.Join(",", DemoWorld.CustomRouteTableIds)}", silo.Logs.AllText(), StringComparison.Ordinal);
    }

    private static async Task AssertHealthyAsync(Uri health)
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(health, "healthz"))).StatusCode);
        string body = "";
        await Eventually.TrueAsync(
            async () =>
            {
                using var ready = await http.GetAsync(new Uri(health, "readyz"));
                body = await ready.Content.ReadAsStringAsync();
                return ready.StatusCode == HttpStatusCode.OK;
            },
            "the silo gets ready",
            TestTimings.Generous);
        Assert.Contains("[+] watches synced", body, StringComparison.Ordinal);
        Assert.Contains("[+] cluster membership", body, StringComparison.Ordinal);
        Assert.Contains("[+] cloud credentials usable", body, StringComparison.Ordinal);
    }
}
