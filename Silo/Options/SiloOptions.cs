using System.Collections.Immutable;
using System.Net;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Flags;

namespace Ccm.Silo.Options;

/// <summary>
/// The silo's validated configuration: every flag of <see cref="FlagTable"/> plus what the silo reads from its
/// environment. Built only by <see cref="CommandLine.Parse"/>; the rest of the program receives it through DI and
/// may derive variants with <c>with</c> (the sandbox mode fills in its own paths and cluster CIDR).
/// </summary>
public sealed record SiloOptions
{
    /// <summary><c>--cloud-config</c>: path of the upstream cloud-config file; null only with <see cref="Sandbox"/>.</summary>
    public string? CloudConfigPath { get; init; }

    /// <summary><c>--kubeconfig</c>: null means the pod's service account, then <see cref="KubeconfigEnvironment"/>.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary><c>--master</c>: the API server's address, overriding the kubeconfig's.</summary>
    public string? Master { get; init; }

    /// <summary><c>$KUBECONFIG</c>: used only without <c>--kubeconfig</c>/<c>--master</c> outside a pod (client-go's order).</summary>
    public string? KubeconfigEnvironment { get; init; }

    /// <summary>The controllers to run: a subset of <c>service</c>, <c>node</c>, <c>route</c>.</summary>
    public ImmutableArray<string> Controllers { get; init; } = [];

    public bool ConfigureCloudRoutes { get; init; }

    /// <summary>The pod network; routes are kept only inside it. Required when <see cref="ConfigureCloudRoutes"/> (outside the sandbox).</summary>
    public IPNetwork? ClusterCidr { get; init; }

    /// <summary>At least one minute (smaller values are raised, as upstream does).</summary>
    public TimeSpan RouteReconciliationPeriod { get; init; }

    public LeaderElectionOptions LeaderElection { get; init; } = new();

    /// <summary>Grains compute and report their plans and make no cloud or Kubernetes writes.</summary>
    public bool DryRun { get; init; }

    public double KubeApiQps { get; init; }

    public int KubeApiBurst { get; init; }

    /// <summary>Null when disabled (<c>0</c>).</summary>
    public BindAddress? HealthProbeBindAddress { get; init; }

    /// <summary>Null when disabled (<c>0</c>).</summary>
    public BindAddress? MetricsBindAddress { get; init; }

    /// <summary>Null when disabled (<c>0</c>).</summary>
    public BindAddress? DashboardBindAddress { get; init; }

    /// <summary><c>--network</c>: VPC-internal OpenAPI endpoints (default) or public ones.</summary>
    public NetworkType Network { get; init; }

    /// <summary><c>--v</c>, klog's verbosity, mapped onto log levels by <see cref="Hosting.SiloLogging"/>.</summary>
    public int Verbosity { get; init; }

    /// <summary>Gates from <c>--feature-gates</c>; combine with the cloud-config's using <see cref="FeatureGates.Overriding"/>.</summary>
    public FeatureGates FeatureGates { get; init; } = FeatureGates.Empty;

    public int SgBatchSize { get; init; }

    /// <summary><c>--max-concurrent-actions</c>: vServer groups whose members one Service changes at once.</summary>
    public int MaxConcurrentActions { get; init; }

    public int RouteReconcileBatchSize { get; init; }

    public int NodeReconcileBatchSize { get; init; }

    public bool EnableImdsV2 { get; init; }

    /// <summary><c>--skip-disable-source-dest-check</c>: new nodes' primary ENIs keep their source/destination check.</summary>
    public bool SkipDisableSourceDestCheck { get; init; }

    public bool Sandbox { get; init; }

    public string? SandboxDir { get; init; }

    /// <summary><c>--sandbox-empty</c>: the sandbox starts without its demo app.</summary>
    public bool SandboxEmpty { get; init; }

    public DashboardOptions Dashboard { get; init; } = new();

    /// <summary><c>--cloud-api-rate-limits</c>: the client-side OpenAPI budget, over the cloud-config's <c>cloudAPIRateLimits</c>.</summary>
    public string? CloudApiRateLimits { get; init; }

    /// <summary><c>--silo-port</c>: where silos reach each other (0: a free port, for tests and the sandbox).</summary>
    public int SiloPort { get; init; }

    /// <summary><c>--silo-tls-dir</c>: <c>tls.crt</c>, <c>tls.key</c> and <c>ca.crt</c> for mutual TLS between silos; null for plaintext.</summary>
    public string? SiloTlsDir { get; init; }

    /// <summary>This silo's identity in membership and shard Leases (<c>$POD_NAME</c>, else the host name).</summary>
    public string SiloName { get; init; } = "";

    /// <summary><c>--collect-unclaimed-routes</c>: delete a route of our shape that no live node claims.</summary>
    public bool CollectUnclaimedRoutes { get; init; } = true;

    public TimeSpan ServiceResyncPeriod { get; init; }

    public TimeSpan NodeResyncPeriod { get; init; }

    public TimeSpan GrainIdleTimeout { get; init; }

    /// <summary>When the process started (set by <see cref="SiloApp"/>, not a flag); null in hosts built without it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary><c>--memory-trim-period</c>: how often the heap's spare memory may be given back; zero never.</summary>
    public TimeSpan MemoryTrimPeriod { get; init; }

    /// <summary>How long a graceful stop may take (stop signalling, finish turns, release leases) before the process exits anyway.</summary>
    public TimeSpan ShutdownTimeout { get; init; }

    public LogFormat LogFormat { get; init; }

    /// <summary><c>$POD_IP</c>, when running in a pod.</summary>
    public string? PodIP { get; init; }

    /// <summary>OpenAPI and metadata endpoint overrides read from the environment.</summary>
    public CloudEndpoints Endpoints { get; init; } = new();

    /// <summary><c>$ACCESS_KEY_ID</c>/<c>$ACCESS_KEY_SECRET</c> (plain text), the second source in the credential chain.</summary>
    public CloudCredentials? EnvironmentAccessKey { get; init; }

    /// <summary>Flags given that have no meaning here; logged once at start.</summary>
    public ImmutableArray<IgnoredFlag> IgnoredFlags { get; init; } = [];

    /// <summary>Accepted values that deserve a word to the operator; logged once at start.</summary>
    public ImmutableArray<StartupWarning> Warnings { get; init; } = [];
}
