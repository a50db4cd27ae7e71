using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube;

/// <summary>
/// <see cref="KubeFaults.RestartWithLostState"/>: the API server comes back on a store that lost its data, with
/// resourceVersions as low as a new cluster's, and answers clients that remember the old ones as a real one does.
/// </summary>
public sealed class RestartWithLostStateTests : IAsyncLifetime
{
    private KubeEmulator emulator = null!;
    private KubeHttp http = null!;

    public async Task InitializeAsync()
    {
        emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, TooLargeResourceVersionWait = TimeSpan.FromMilliseconds(200) });
        http = new KubeHttp(emulator);
        for (var i = 0; i < 20; i++)
        {
            emulator.Objects.Create(Manifests.ConfigMap($"before-{i}", "default"));
        }
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public void Resource_versions_start_low_again_and_the_kept_objects_carry_one_restored_version()
    {
        var before = emulator.ResourceVersion;

        var after = emulator.Faults.RestartWithLostState();

        Assert.True(after < before, $"{after} < {before}");
        Assert.Equal(after, emulator.ResourceVersion);
        var restored = emulator.Objects.List("configmaps", "default");
        Assert.Equal(20, restored.Count);
        Assert.Single(restored.Select(c => (string?)c["metadata"]!["resourceVersion"]).Distinct());
        Assert.Equal(4, emulator.Objects.List("nodes").Count);
    }

    [Fact]
    public async Task Every_open_watch_ends()
    {
        await using var watch = http.Record($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={emulator.ResourceVersion}");
        emulator.Objects.Create(Manifests.ConfigMap("seen", "default"));
        await watch.WaitForAsync(e => e.Count == 1, "the watch is open");

        emulator.Faults.RestartWithLostState();

        await watch.WaitForEndAsync();
    }

    [Fact]
    public async Task A_list_at_a_version_from_before_the_restart_is_504_too_large_and_a_fresh_list_is_served()
    {
        var old = emulator.ResourceVersion;
        var after = emulator.Faults.RestartWithLostState();

        var stale = await http.GetAsync($"/api/v1/namespaces/default/configmaps?resourceVersion={old}");
        var fresh = await http.GetAsync("/api/v1/namespaces/default/configmaps");

        Assert.Equal(504, stale.Status);
        Assert.Equal($"Timeout: Too large resource version: {old}, current: {after}", (string?)stale.Body!["message"]);
        Assert.Equal(200, fresh.Status);
        Assert.Equal(after.ToString(System.Globalization.CultureInfo.InvariantCulture), fresh.ResourceVersion);
    }

    [Fact]
    public async Task A_watch_from_a_version_below_the_restored_one_is_410_expired()
    {
        var after = emulator.Faults.RestartWithLostState();

        var events = await http.WatchAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={after - 1}").ToListAsync();

        Assert.Equal(410, (int)Assert.Single(events)["object"]!["code"]!);
    }

    [Fact]
    public void Objects_not_kept_are_gone_with_their_cluster_ips_and_the_bootstrap_objects_come_back()
    {
        var doomed = emulator.Objects.Create(Manifests.Service("doomed", "default"));
        var ip = (string)doomed["spec"]!["clusterIP"]!;

        emulator.Faults.RestartWithLostState(keep: obj => (string?)obj["kind"] == "Node");

        Assert.Null(emulator.Objects.Get("services", "default", "doomed"));
        Assert.Empty(emulator.Objects.List("configmaps"));
        Assert.Equal(4, emulator.Objects.List("nodes").Count);
        Assert.Equal(["default", "kube-node-lease", "kube-public", "kube-system"], emulator.Objects.List("namespaces").Select(n => (string?)n["metadata"]!["name"]).Order());
        Assert.Equal("10.96.0.1", (string?)emulator.Objects.Get("services", "default", "kubernetes")!["spec"]!["clusterIP"]);
        var reused = Manifests.Service("reuses-the-address", "default");
        reused["spec"]!["clusterIP"] = ip;
        Assert.Equal(ip, (string?)emulator.Objects.Create(reused)["spec"]!["clusterIP"]);
    }

    [Fact]
    public void Kept_services_keep_their_addresses_and_ports_taken()
    {
        var kept = emulator.Objects.Create(Manifests.Service("kept", "default", "NodePort"));
        var ip = (string)kept["spec"]!["clusterIP"]!;
        var nodePort = (int)kept["spec"]!["ports"]![0]!["nodePort"]!;

        emulator.Faults.RestartWithLostState();

        var clash = Manifests.Service("clash", "default", "NodePort");
        clash["spec"]!["clusterIP"] = ip;
        var ipRefused = Assert.Throws<KubeApiException>(() => emulator.Objects.Create(clash));
        clash = Manifests.Service("clash", "default", "NodePort");
        clash["spec"]!["ports"]![0]!["nodePort"] = nodePort;
        var portRefused = Assert.Throws<KubeApiException>(() => emulator.Objects.Create(clash));
        Assert.Contains("already allocated", ipRefused.Message);
        Assert.Contains("already allocated", portRefused.Message);
    }

    [Fact]
    public async Task The_controllers_carry_on_after_the_restart()
    {
        emulator.Faults.RestartWithLostState();

        emulator.Objects.Create(Manifests.Deployment("after", "default", 2, "after"));

        await Eventually.TrueAsync(
            () => emulator.Objects.List("pods", "default", labelSelector: "app=after").Count(p => (string?)p["status"]?["phase"] == "Running") == 2,
            "the deployment created after the restart gets its pods");
    }

    [Fact]
    public async Task Writes_after_the_restart_are_watched_from_the_restored_version()
    {
        var after = emulator.Faults.RestartWithLostState();
        await using var watch = http.Record($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={after}");

        var created = emulator.Objects.Create(Manifests.ConfigMap("after", "default"));

        await watch.WaitForAsync(e => e.Count == 1, "the new configmap");
        Assert.Equal([("ADDED", "after")], watch.Summary);
        Assert.True(long.Parse((string)created["metadata"]!["resourceVersion"]!) > after);
    }
}
