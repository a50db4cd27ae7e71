using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Silo;

/// <summary><c>dotnet run --project Silo -- --sandbox</c>, as the built executable: the README's first command.</summary>
public sealed class SandboxCommandTests
{
    [Fact]
    public async Task The_sandbox_prints_where_everything_is_kubectl_lists_the_demo_nodes_and_Ctrl_C_stops_everything()
    {
        await using var sandbox = SiloProcess.Start(["--sandbox"]);

        var kubeconfig = await sandbox.BannerValueAsync("kubeconfig");
        var dashboard = new Uri(await sandbox.BannerValueAsync("dashboard"));
        var metrics = new Uri(await sandbox.BannerValueAsync("metrics"));
        var health = new Uri(await sandbox.BannerValueAsync("health"));
        Assert.Equal($"kubectl --kubeconfig {kubeconfig} get nodes,services", await sandbox.BannerValueAsync("kubectl"));
        Assert.All([dashboard, metrics, health], url => Assert.Equal("127.0.0.1", url.Host));
        Assert.Contains("CCM sandbox running: Kubernetes emulator https://127.0.0.1:", sandbox.Transcript, StringComparison.Ordinal);
        var folder = Path.GetDirectoryName(kubeconfig)!;
        var secret = EmulatorSecret(Path.Combine(folder, "cloud-config.json"));

        var nodes = await new Kubectl(kubeconfig).CheckedAsync("get", "nodes", "-o", "name");
        Assert.Equal(
            [.. DemoWorld.Nodes.Select(n => "node/" + n.Name), "node/" + DemoWorld.VirtualNode.Name],
            nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Contains("service/nginx", await new Kubectl(kubeconfig).CheckedAsync("get", "services", "-o", "name"), StringComparison.Ordinal);

        using var http = new HttpClient();
        await Eventually.TrueAsync(async () => (await http.GetAsync(health)).StatusCode == HttpStatusCode.OK, "the sandbox's silo gets ready", TestTimings.Generous);
        var scrape = await http.GetStringAsync(metrics);
        Assert.Contains("ccm_watcher_cache_objects", scrape, StringComparison.Ordinal);
        Assert.Contains("kube_client_requests", scrape, StringComparison.Ordinal);

        Assert.Equal(0, await sandbox.InterruptAsync(TestTimings.Generous));
        Assert.False(Directory.Exists(folder), "the sandbox removes the folder it made");
        Assert.DoesNotContain(secret, sandbox.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(" fail: ", sandbox.Transcript, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(health));
    }

    [Fact]
    public async Task The_banner_s_second_silo_command_joins_the_cluster_new_grains_spread_over_both_and_Ctrl_C_stops_each()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ccm-e2e-sandbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var sandbox = SiloProcess.Start(["--sandbox", $"--sandbox-dir={folder}", .. TestTimings.LeaseFlags]);
            var kubeconfig = await sandbox.BannerValueAsync("kubeconfig");
            var environment = File.ReadAllLines(await sandbox.BannerValueAsync("env"))
                .Select(line => line.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1]);

            // The banner's command, run as printed (the built executable in place of "dotnet run --project Silo"), with
            // the test's short membership timings after it (a later flag wins).
            await using var second = SiloProcess.Start([.. await SecondSiloArgumentsAsync(sandbox), .. TestTimings.LeaseFlags], environment);

            var kubectl = new Kubectl(kubeconfig);
            await Eventually.ValueAsync(
                () => MembershipTable.ReadAsync(kubectl),
                rows => MembershipTable.Active(rows).SequenceEqual(["sandbox", "silo-2"]),
                "both silos are Active in the membership ConfigMap",
                TestTimings.Generous);

            using var http = new HttpClient();
            var health = await second.ListenerAsync("Health");
            await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri(health, "readyz"))).StatusCode == HttpStatusCode.OK, "the second silo gets ready", TestTimings.Generous);

            // Each silo hosts the grains whose keys it owns among the active silos: a dozen Services applied now land on
            // both (all on one silo would be a 1 in 4,096 chance), each grain once in the cluster.
            await kubectl.ApplyAsync(string.Join("---\n", JoinedServices.Select(LoadBalancerService)));
            await Eventually.TrueAsync(
                async () => (await IngressAddressesAsync(kubectl)).Keys.Count(JoinedServices.Contains) == JoinedServices.Length,
                "every new Service shows its address",
                TestTimings.Generous);
            Uri[] metrics = [new(await sandbox.BannerValueAsync("metrics")), new(await second.ListenerAsync("Metrics"), "metrics")];
            var services = await Task.WhenAll(metrics.Select(m => ActivationsAsync(http, m, "service")));
            Assert.All(services, count => Assert.True(count > 0, $"Service grains per silo: {string.Join(", ", services)}"));
            Assert.Equal(1 + JoinedServices.Length, services.Sum());

            Assert.Equal(0, await second.InterruptAsync(TestTimings.Generous));
            await Eventually.ValueAsync(
                () => MembershipTable.ReadAsync(kubectl),
                rows => MembershipTable.Active(rows).SequenceEqual(["sandbox"]),
                "the second silo leaves the cluster",
                TestTimings.Generous);
            Assert.DoesNotContain(" fail: ", second.Transcript, StringComparison.Ordinal);
            Assert.Equal(0, await sandbox.InterruptAsync(TestTimings.Generous));
            Assert.True(Directory.Exists(folder), "a folder given with --sandbox-dir is kept");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The arguments of the banner's "a second silo joins" command: what follows <c>dotnet run --project Silo --</c>.</summary>
    private static async Task<string[]> SecondSiloArgumentsAsync(SiloProcess sandbox)
    {
        const string run = "dotnet run --project Silo -- ";
        var line = await sandbox.LineAsync(l => l.Contains(run, StringComparison.Ordinal) ? l : null, "the second silo's command");
        return line[(line.IndexOf(run, StringComparison.Ordinal) + run.Length)..].TrimEnd().TrimEnd(')').Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static readonly string[] JoinedServices = [.. Enumerable.Range(0, 12).Select(i => $"joined-{i:D2}")];

    private static string LoadBalancerService(string name) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
          namespace: default
        spec:
          type: LoadBalancer
          selector: {run: nginx}
          ports: [{port: 80, targetPort: 80}]

        """;

    /// <summary>Service name to its first ingress address, for the Services of the default namespace that have one.</summary>
    private static async Task<Dictionary<string, string>> IngressAddressesAsync(Kubectl kubectl) =>
        JsonNode.Parse(await kubectl.CheckedAsync("get", "services", "-n", "default", "-o", "json"))!["items"]!.AsArray()
            .Where(s => s!["status"]?["loadBalancer"]?["ingress"]?[0]?["ip"] is not null)
            .ToDictionary(s => (string)s!["metadata"]!["name"]!, s => (string)s!["status"]!["loadBalancer"]!["ingress"]![0]!["ip"]!);

    /// <summary>The reconciler activations of one grain type a silo reports in its scrape.</summary>
    private static async Task<double> ActivationsAsync(HttpClient http, Uri metrics, string grainType) =>
        (await MetricsScrape.SamplesAsync(http, metrics, "ccm_grain_activations")).GetValueOrDefault($"grain_type=\"{grainType}\"");

    private static string EmulatorSecret(string cloudConfig)
    {
        var encoded = (string)JsonNode.Parse(File.ReadAllText(cloudConfig))!["Global"]!["accessKeySecret"]!;
        return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
    }
}
