using System.Text.Json.Nodes;
using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Kube;

/// <summary>An emulator on loopback and a client configured from the kubeconfig it writes, as the silo would be.</summary>
internal sealed class KubeBenchCluster : IAsyncDisposable
{
    private readonly string kubeconfig;

    private KubeBenchCluster(KubeEmulator emulator, HttpKubeApi api, string kubeconfig)
    {
        Emulator = emulator;
        Api = api;
        this.kubeconfig = kubeconfig;
    }

    public KubeEmulator Emulator { get; }

    public HttpKubeApi Api { get; }

    public static async Task<KubeBenchCluster> StartAsync(int historySize, KubeApiOptions? options = null)
    {
        var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions
        {
            Seed = SeedKind.Empty,
            RunControllers = false,
            WatchHistorySize = historySize,
        });
        var path = Path.Combine(Path.GetTempPath(), $"bench-kubeconfig-{Environment.ProcessId}.yaml");
        emulator.WriteKubeconfig(path);
        var config = KubeClientConfigLoader.Load(new KubeClientConfigLoadOptions { KubeconfigPath = path });
        return new KubeBenchCluster(emulator, new HttpKubeApi(config, options), path);
    }

    /// <summary>A ClusterIP Service like the ones a cluster holds: a selector, two ports, labels.</summary>
    public static JsonObject ServiceJson(string name, int index) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "default",
            ["labels"] = new JsonObject { ["app"] = name, ["bench"] = "kube" },
            ["annotations"] = new JsonObject { ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec"] = "slb.s1.small" },
        },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["app"] = name },
            ["ports"] = new JsonArray(
                new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = 8080 + (index % 10) },
                new JsonObject { ["name"] = "https", ["port"] = 443, ["targetPort"] = "https" }),
        },
    };

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
        File.Delete(kubeconfig);
    }
}
