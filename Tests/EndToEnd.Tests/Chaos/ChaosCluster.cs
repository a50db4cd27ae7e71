using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo.SandboxHosting;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// The sandbox the soak runs in (<see cref="SandboxEnvironment"/>, without the demo app: both emulators with the demo
/// seeds, a random AccessKey and bearer token, which the soak looks for in every output) and the flags of its silos.
/// </summary>
internal sealed class ChaosCluster(SandboxEnvironment sandbox) : IAsyncDisposable
{
    public string Folder => sandbox.Folder;

    public AliyunEmulator Cloud => sandbox.Cloud;

    public KubeEmulator Kube => sandbox.Kube;

    public string AccessKeyId => Cloud.Options.AccessKeyId;

    public string AccessKeySecret => Cloud.Options.AccessKeySecret;

    public IReadOnlyDictionary<string, string> Environment => sandbox.Environment;

    public static async Task<ChaosCluster> StartAsync(CancellationToken cancellationToken) =>
        new(await SandboxEnvironment.StartAsync(Directory.CreateTempSubdirectory("ccm-chaos-").FullName, deployDemoApp: false, emulatorLogs: null, cancellationToken));

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
            $"--kubeconfig={sandbox.KubeconfigPath}", $"--cloud-config={sandbox.CloudConfigPath}", $"--cluster-cidr={DemoWorld.ClusterCidr}", $"--silo-name={name}",
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
        await sandbox.DisposeAsync();
        try
        {
            Directory.Delete(sandbox.Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
