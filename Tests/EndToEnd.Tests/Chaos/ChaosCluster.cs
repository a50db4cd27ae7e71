using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo.SandboxHosting;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// Both emulators with the demo seeds, a random AccessKey secret and bearer token (what the soak looks for in every
/// output), and the folder silos join them with: kubeconfig, cloud-config and the endpoint variables.
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private ChaosCluster(string folder, AliyunEmulator cloud, KubeEmulator kube, string accessKeyId, string accessKeySecret)
    {
        AccessKeyId = accessKeyId;
        Folder = folder;
        Cloud = cloud;
        Kube = kube;
        AccessKeySecret = accessKeySecret;
        Environment = SandboxFiles.Endpoints(cloud.BaseAddress);
    }

    public string Folder { get; }

    public AliyunEmulator Cloud { get; }

    public KubeEmulator Kube { get; }

    public string AccessKeyId { get; }

    public string AccessKeySecret { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    private string KubeconfigPath => Path.Combine(Folder, SandboxEnvironment.KubeconfigFile);

    private string CloudConfigPath => Path.Combine(Folder, SandboxEnvironment.CloudConfigFile);

    public static async Task<ChaosCluster> StartAsync(CancellationToken cancellationToken)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var folder = Directory.CreateTempSubdirectory("ccm-chaos-").FullName;
        var accessKeyId = "LTAI" + RandomNumberGenerator.GetString(alphabet, 20);
        var accessKeySecret = RandomNumberGenerator.GetString(alphabet, 30);
        var cloud = await AliyunEmulator.StartAsync(
            new AliyunEmulatorOptions { AccessKeyId = accessKeyId, AccessKeySecret = accessKeySecret, Seed = SeedKind.Demo }, cancellationToken);
        var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo }, cancellationToken);
        var cluster = new ChaosCluster(folder, cloud, kube, accessKeyId, accessKeySecret);
        kube.WriteKubeconfig(cluster.KubeconfigPath);
        await File.WriteAllTextAsync(cluster.CloudConfigPath, SandboxFiles.CloudConfig(accessKeyId, accessKeySecret), cancellationToken);
        return cluster;
    }

    /// <summary>
    /// A silo of the soak: every listener on a free loopback port (the dashboard without authentication, so its API can
    /// be read), membership timings that declare a killed silo dead in about ten seconds, the reconciliation period of
    /// <paramref name="settings"/>, and routes nobody claims kept unless this CCM made them.
    /// </summary>
    public IReadOnlyList<string> SiloArguments(string name, ChaosSoakSettings settings)
    {
        var period = ((int)settings.ResyncPeriod.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        return
        [
            $"--kubeconfig={KubeconfigPath}", $"--cloud-config={CloudConfigPath}", $"--cluster-cidr={DemoWorld.ClusterCidr}", $"--silo-name={name}",
            "--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0", "--dashboard-auth=none",
            "--silo-port=0", "--leader-elect-lease-duration=6s", "--leader-elect-renew-deadline=4s", "--leader-elect-retry-period=1s",
            $"--service-resync-period={period}", $"--node-resync-period={period}", "--collect-unclaimed-routes=false",
        ];
    }

    /// <summary>The silos the Orleans membership ConfigMap lists as Active, by name.</summary>
    public IReadOnlyList<string> ActiveSilos() =>
        [.. (Kube.Objects.Get("configmaps", "kube-system", "ccm-membership")?["data"]?.AsObject() ?? [])
            .Where(kv => kv.Key.StartsWith("silo.", StringComparison.Ordinal))
            .Select(kv => JsonNode.Parse((string)kv.Value!)!)
            .Where(row => (string?)row["status"] == "Active")
            .Select(row => (string)row["siloName"]!)
            .Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Kube.DisposeAsync();
        await Cloud.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
