using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;

namespace Ccm.Bench.Kube;

/// <summary>
/// An emulator on loopback and the official client configured from the kubeconfig it writes, with our handlers, as the
/// silo would be.
/// </summary>
internal sealed class KubeBenchCluster : IAsyncDisposable
{
    private readonly string kubeconfig;

    private KubeBenchCluster(KubeEmulator emulator, IKubernetes kube, string kubeconfig)
    {
        Emulator = emulator;
        Kube = kube;
        this.kubeconfig = kubeconfig;
    }

    public KubeEmulator Emulator { get; }

    public IKubernetes Kube { get; }

    public static async Task<KubeBenchCluster> StartAsync(int historySize, KubeClientOptions? options = null)
    {
        var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions
        {
            Seed = SeedKind.Empty,
            RunControllers = false,
            WatchHistorySize = historySize,
        });
        var path = Path.Combine(Path.GetTempPath(), $"bench-kubeconfig-{Environment.ProcessId}.yaml");
        emulator.WriteKubeconfig(path);
        var kube = KubeClientFactory.Create(KubeConnection.Load(path, null), options ?? new KubeClientOptions());
        return new KubeBenchCluster(emulator, kube, path);
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
        Kube.Dispose();
        await Emulator.DisposeAsync();
        File.Delete(kubeconfig);
    }
}
