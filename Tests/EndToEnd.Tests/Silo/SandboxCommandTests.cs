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
    public async Task A_second_silo_started_from_the_env_file_kubeconfig_and_cloud_config_joins_and_they_share_the_shards()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ccm-e2e-sandbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var sandbox = SiloProcess.Start(["--sandbox", $"--sandbox-dir={folder}", .. TestTimings.LeaseFlags]);
            var kubeconfig = await sandbox.BannerValueAsync("kubeconfig");
            var environment = File.ReadAllLines(await sandbox.BannerValueAsync("env"))
                .Select(line => line.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1]);

            await using var second = SiloProcess.Start(
                [$"--kubeconfig={kubeconfig}", $"--cloud-config={await sandbox.BannerValueAsync("cloud-config")}", $"--cluster-cidr={DemoWorld.ClusterCidr}",
                 "--silo-name=silo-2", .. TestTimings.LoopbackListeners, .. TestTimings.LeaseFlags],
                environment);

            var kubectl = new Kubectl(kubeconfig);
            var holders = await Eventually.ValueAsync(
                () => ShardHoldersAsync(kubectl),
                h => h.Count == 16 && h.Values.Any(v => v.StartsWith("sandbox_", StringComparison.Ordinal)) && h.Values.Any(v => v.StartsWith("silo-2_", StringComparison.Ordinal)),
                "both silos hold shards and every shard is held",
                TestTimings.Generous);
            Assert.All(holders.Values, h => Assert.True(h.StartsWith("sandbox_", StringComparison.Ordinal) || h.StartsWith("silo-2_", StringComparison.Ordinal), h));

            using var http = new HttpClient();
            var health = await second.ListenerAsync("Health");
            await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri(health, "readyz"))).StatusCode == HttpStatusCode.OK, "the second silo gets ready", TestTimings.Generous);

            Assert.Equal(0, await second.TerminateAsync(TestTimings.Generous));
            await Eventually.TrueAsync(async () => (await ShardHoldersAsync(kubectl)).Values.All(h => h.StartsWith("sandbox_", StringComparison.Ordinal)) , "the sandbox's silo takes every shard back", TestTimings.Generous);
            Assert.Equal(0, await sandbox.InterruptAsync(TestTimings.Generous));
            Assert.True(Directory.Exists(folder), "a folder given with --sandbox-dir is kept");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Shard Lease name to holder (held shards only), read with kubectl.</summary>
    private static async Task<Dictionary<string, string>> ShardHoldersAsync(Kubectl kubectl)
    {
        var json = JsonNode.Parse(await kubectl.CheckedAsync("get", "leases", "-n", "kube-system", "-o", "json"))!;
        return json["items"]!.AsArray()
            .Where(l => ((string?)l!["metadata"]!["name"])!.StartsWith("ccm-shard-", StringComparison.Ordinal))
            .Where(l => !string.IsNullOrEmpty((string?)l!["spec"]?["holderIdentity"]))
            .ToDictionary(l => (string)l!["metadata"]!["name"]!, l => (string)l!["spec"]!["holderIdentity"]!);
    }

    private static string EmulatorSecret(string cloudConfig)
    {
        var encoded = (string)JsonNode.Parse(File.ReadAllText(cloudConfig))!["Global"]!["accessKeySecret"]!;
        return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
    }
}
