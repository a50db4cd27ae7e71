using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo.SandboxHosting;

namespace Ccm.Bench.Silo;

/// <summary>
/// Both emulators in the bench process (the demo cloud; the demo cluster or an empty one to fill) and the folder a silo
/// process joins them with, as <c>--sandbox</c> writes it: kubeconfig, cloud-config and the endpoint variables. The
/// silos these benchmarks time are real <c>Ccm.Silo</c> processes, so their memory and start-up are the product's own.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private const string AccessKeyId = "LTAI5tSiloBench0000001";
    private const string AccessKeySecret = "silo-bench-secret-never-printed";

    private BenchCluster(string folder, AliyunEmulator cloud, KubeEmulator kube)
    {
        Folder = folder;
        Cloud = cloud;
        Kube = kube;
        Environment = SandboxFiles.Endpoints(cloud.BaseAddress);
    }

    public string Folder { get; }

    public AliyunEmulator Cloud { get; }

    public KubeEmulator Kube { get; }

    public string KubeconfigPath => Path.Combine(Folder, "kubeconfig");

    public string CloudConfigPath => Path.Combine(Folder, "cloud-config.json");

    /// <summary>The cloud endpoints a silo is given (the <c>env</c> file of the sandbox).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Membership timings that make a dead silo's death known in about ten seconds (probes of 2.5 s, Orleans' floor).</summary>
    public static readonly IReadOnlyList<string> ShortMembership =
        ["--leader-elect-lease-duration=6s", "--leader-elect-renew-deadline=4s", "--leader-elect-retry-period=1s"];

    public static async Task<BenchCluster> StartAsync(KubeEmulatorOptions? kube, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ccm-bench-silo-").FullName;
        var cloud = await AliyunEmulator.StartAsync(
            new AliyunEmulatorOptions { AccessKeyId = AccessKeyId, AccessKeySecret = AccessKeySecret, Seed = SeedKind.Demo }, cancellationToken);
        var emulator = await KubeEmulator.StartAsync(kube ?? new KubeEmulatorOptions { Seed = SeedKind.Demo }, cancellationToken);
        var cluster = new BenchCluster(folder, cloud, emulator);
        emulator.WriteKubeconfig(cluster.KubeconfigPath);
        await File.WriteAllTextAsync(cluster.CloudConfigPath, SandboxFiles.CloudConfig(AccessKeyId, AccessKeySecret), cancellationToken);
        return cluster;
    }

    /// <summary>
    /// The flags of a silo joining this cluster: kubeconfig, cloud-config, the demo cluster CIDR, its name, every listener
    /// on a free loopback port (the dashboard without authentication), the short membership timings, then <paramref name="extra"/>.
    /// </summary>
    public IReadOnlyList<string> SiloArguments(string name, IEnumerable<string>? extra = null) =>
    [
        $"--kubeconfig={KubeconfigPath}", $"--cloud-config={CloudConfigPath}", $"--cluster-cidr={DemoWorld.ClusterCidr}", $"--silo-name={name}",
        "--health-probe-bind-addr=127.0.0.1:0", "--metrics-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=127.0.0.1:0", "--dashboard-auth=none",
        "--silo-port=0", .. ShortMembership, .. extra ?? [],
    ];

    /// <summary>Starts <c>dotnet Ccm.Silo.dll</c> with <see cref="SiloArguments"/> and the cloud endpoints (plus <paramref name="variables"/>).</summary>
    public BenchSilo StartSilo(string name, IEnumerable<string>? extra = null, IReadOnlyDictionary<string, string>? variables = null) =>
        BenchSilo.Start(SiloArguments(name, extra), Environment.Concat(variables ?? new Dictionary<string, string>()).ToDictionary());

    /// <summary>The rows of the Orleans membership ConfigMap (<c>ccm-membership</c>): silo name and status.</summary>
    public IReadOnlyList<(string Silo, string Status)> Members() =>
        [.. (Kube.Objects.Get("configmaps", "kube-system", "ccm-membership")?["data"]?.AsObject() ?? [])
            .Where(kv => kv.Key.StartsWith("silo.", StringComparison.Ordinal))
            .Select(kv => System.Text.Json.Nodes.JsonNode.Parse((string)kv.Value!)!)
            .Select(row => ((string)row["siloName"]!, (string)row["status"]!))];

    /// <summary>The names of the silos whose membership row says Active, sorted and joined with commas (<c>silo-a,silo-b</c>).</summary>
    public string ActiveSilos() =>
        string.Join(",", Members().Where(m => m.Status == "Active").Select(m => m.Silo).Order(StringComparer.Ordinal));

    /// <summary>Whether each LoadBalancer Service's CLB matches it, with the demo nodes as backends (as the failover test judges).</summary>
    public LoadBalancerConvergence Convergence() =>
        LoadBalancerConvergence.Read(Kube.Objects, Cloud.Cloud, DemoWorld.ClusterId, [.. DemoWorld.Nodes.Select(n => n.InstanceId)]);

    /// <summary>The address (<c>ip:port@generation</c>) of <paramref name="silo"/>'s membership row, or null.</summary>
    public string? AddressOf(string silo) =>
        (Kube.Objects.Get("configmaps", "kube-system", "ccm-membership")?["data"]?.AsObject() ?? [])
            .Where(kv => kv.Key.StartsWith("silo.", StringComparison.Ordinal))
            .Select(kv => System.Text.Json.Nodes.JsonNode.Parse((string)kv.Value!)!)
            .Where(row => (string)row["siloName"]! == silo)
            .Select(row => (string?)row["siloAddress"])
            .LastOrDefault();

    /// <summary>Who holds each Lease in <c>kube-system</c> (the silos' slot Leases): their <c>holderIdentity</c>.</summary>
    public IReadOnlyList<string?> LeaseHolders() =>
        [.. Kube.Objects.List("leases", "kube-system").Select(lease => (string?)lease["spec"]?["holderIdentity"])];

    public async ValueTask DisposeAsync()
    {
        await Kube.DisposeAsync();
        await Cloud.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
