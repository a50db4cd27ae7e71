using System.Text.RegularExpressions;
using Ccm.Silo.Options;

namespace Ccm.Silo.Flags;

/// <summary>
/// Every flag the silo accepts, one row each (the catalogue in the team brief). Defaults are written as a user would
/// type them and go through the same parser, so <c>--help</c> can never disagree with the behaviour.
/// </summary>
public static partial class FlagTable
{
    /// <summary>Controllers this CCM provides.</summary>
    public static readonly IReadOnlyList<string> ProvidedControllers = ["service", "node", "route"];

    /// <summary>Upstream controllers accepted in <c>--controllers</c> and reported as not provided here.</summary>
    public static readonly IReadOnlyList<string> UnprovidedControllers = ["nlb", "ingress", "pvtz"];

    /// <summary>Lock kinds accepted; the legacy multi-locks are read as leases (see <see cref="SiloOptionsValidator"/>).</summary>
    public static readonly IReadOnlyList<string> ResourceLocks = ["leases", "endpointsleases", "configmapsleases", "endpoints", "configmaps"];

    private static readonly FlagDefinition[] UpstreamFlags =
    [
        Flag.Path("cloud-config", "file",
            "Path of the cloud-config file, in the upstream format ({\"Global\": {...}}: AccessKey, region, vpcid, vswitchid, routeTableIDs...). Required unless --sandbox.",
            (o, v) => o with { CloudConfigPath = v }),
        Flag.Path("kubeconfig", "file",
            "Path of a kubeconfig file. Without it (and without --master) the silo uses its pod's service account, else $KUBECONFIG, else ~/.kube/config (client-go's order).",
            (o, v) => o with { Kubeconfig = v }),
        Flag.String("master", null,
            "The address of the Kubernetes API server (overrides the server of --kubeconfig).",
            (o, v) => o with { Master = v }, CheckMaster),
        Flag.List("controllers", "service,node,route",
            "Controllers to run: service (a Classic Load Balancer per LoadBalancer Service), node (Nodes mapped to ECS instances), route (pod-CIDR routes in VPC route tables). nlb, ingress and pvtz are accepted and not provided here.",
            (o, v) => o with { Controllers = v }, CheckController),
        Flag.Bool("configure-cloud-routes", true,
            "Keep one VPC route per node pod CIDR in every route table of routeTableIDs. Requires --cluster-cidr.",
            (o, v) => o with { ConfigureCloudRoutes = v }),
        Flag.Cidr("cluster-cidr",
            "The pod network, an IPv4 CIDR such as 172.20.0.0/16. Routes are created and deleted only inside it. Required while --configure-cloud-routes is true.",
            (o, v) => o with { ClusterCidr = v }),
        Flag.Duration("route-reconciliation-period", "5m",
            "How often each route table is compared with the nodes to repair drift. At least 1m; smaller values are raised to 1m, as upstream does.",
            (o, v) => o with { RouteReconciliationPeriod = v }, Positive),
        Flag.Bool("leader-elect", true,
            "Silos form one Orleans cluster whose membership and reminders live in ConfigMaps and Leases of --leader-elect-resource-namespace. With false this silo runs alone with both in memory (no Lease or ConfigMap traffic): run a single replica.",
            (o, v) => o with { LeaderElection = o.LeaderElection with { Enabled = v } }),
        Flag.String("leader-elect-resource-lock", "leases",
            "Kind of lock object upstream elected a leader with. Silos do not elect a leader (they form a cluster over ConfigMaps and Leases); every kind upstream manifests name (leases, endpoints, configmaps, endpointsleases, configmapsleases) is accepted and read as leases.",
            (o, v) => v == "leases" ? o : o with { Warnings = o.Warnings.Add(new StartupWarning("--leader-elect-resource-lock", $"{v} is read as leases: this CCM never locks on Endpoints or ConfigMaps, its silos cluster over ConfigMaps and Leases (leases only)")) },
            CheckResourceLock),
        Flag.Duration("leader-elect-lease-duration", "15s",
            "How soon a silo that stops answering is declared dead and its grains move: silos probe each other every third of it and declare death after three missed probes.",
            (o, v) => o with { LeaderElection = o.LeaderElection with { LeaseDuration = v } }, Positive),
        Flag.Duration("leader-elect-renew-deadline", "10s",
            "Accepted for upstream manifests (checked: shorter than the lease duration); silos do not renew Leases to keep work, they are probed (see the lease duration).",
            (o, v) => o with { LeaderElection = o.LeaderElection with { RenewDeadline = v } }, Positive),
        Flag.Duration("leader-elect-retry-period", "2s",
            "Accepted for upstream manifests (checked against the renew deadline); each silo writes its liveness Lease every 30s, Orleans' IAmAlive period.",
            (o, v) => o with { LeaderElection = o.LeaderElection with { RetryPeriod = v } }, Positive),
        Flag.String("leader-elect-resource-name", "ccm",
            "The cluster's name: Orleans' ServiceId and ClusterId, and the prefix of the membership ConfigMap (<name>-membership), the silo Leases (<name>-silo-N) and the reminder ConfigMaps (<name>-reminders-N).",
            (o, v) => o with { LeaderElection = o.LeaderElection with { ResourceName = v } }, CheckLeasePrefix),
        Flag.String("leader-elect-resource-namespace", "kube-system",
            "Namespace of the membership and reminder ConfigMaps and the silo Leases; defaults to the pod's own namespace.",
            (o, v) => o with { LeaderElection = o.LeaderElection with { ResourceNamespace = v } }, CheckNamespace) with { EnvironmentVariable = "POD_NAMESPACE" },
        Flag.Bool("dry-run", false,
            "Compute and report every plan (logs, dashboard) and make no cloud or Kubernetes write.",
            (o, v) => o with { DryRun = v }),
        Flag.Float("kube-api-qps", 20,
            "Sustained queries per second to the Kubernetes API server.",
            (o, v) => o with { KubeApiQps = v }, v => v > 0 ? null : $"{v} must be greater than 0"),
        Flag.Int("kube-api-burst", 30,
            "Queries allowed in a burst above --kube-api-qps.",
            (o, v) => o with { KubeApiBurst = v }, v => FlagValue.InRange(v, 1, 100_000)),
        Flag.Address("health-probe-bind-addr", ":10258",
            "Address of /healthz (liveness) and /readyz (readiness). 0 disables.",
            (o, v) => o with { HealthProbeBindAddress = v }),
        Flag.Address("metrics-bind-addr", ":8080",
            "Address of /metrics (Prometheus text format). 0 disables.",
            (o, v) => o with { MetricsBindAddress = v }),
        Flag.Choice("network", "vpc", ["vpc", "public"],
            "OpenAPI endpoints to use: VPC-internal hosts, or public ones for a silo outside the VPC. The *_ENDPOINT variables override both.",
            (o, v) => o with { Network = Enum.Parse<NetworkType>(v, ignoreCase: true) }),
        Flag.Int("v", 0,
            "Log verbosity as klog counts it: 0-1 information, 2-3 debug, 4 and above trace.",
            (o, v) => o with { Verbosity = v }, v => FlagValue.InRange(v, 0, 10)),
        new FlagDefinition
        {
            Name = "feature-gates",
            ValueName = "Name=bool,...",
            Help = "Feature gates, overriding the cloud-config's featureGates. Known: LoadBalancerTypeAnnotation (default false: Services annotated with another load balancer type are not ours), IPv6DualStack (default false); EndpointSlice, ServiceNodeExclusion and FilterServiceOnNodeChange are always on. Unknown gates are reported and ignored.",
            IsList = true,
            Apply = (raw, o) => FeatureGates.TryParse(raw, out var gates, out var error)
                ? FlagResult.Ok(o with { FeatureGates = o.FeatureGates.Overriding(gates) })
                : FlagResult.Fail(error),
        },
        Flag.Int("sg-batch-size", 40,
            "Backend servers changed per vServer-group call (1-40, the OpenAPI's limit).",
            (o, v) => o with { SgBatchSize = v }, v => FlagValue.InRange(v, 1, 40)),
        Flag.Int("max-concurrent-actions", 10,
            "vServer groups whose members one Service changes at the same time (upstream runs its CLB vServer-group and listener actions this parallel; 1-100).",
            (o, v) => o with { MaxConcurrentActions = v }, v => FlagValue.InRange(v, 1, 100)),
        Flag.Int("route-reconcile-batch-size", 50,
            "Route entries created or deleted per call (1-50).",
            (o, v) => o with { RouteReconcileBatchSize = v }, v => FlagValue.InRange(v, 1, 50)),
        Flag.Int("node-reconcile-batch-size", 100,
            "ECS instances described per call when mapping nodes (1-100).",
            (o, v) => o with { NodeReconcileBatchSize = v }, v => FlagValue.InRange(v, 1, 100)),
        Flag.Bool("skip-disable-source-dest-check", false,
            "Leave the source/destination check of new nodes' primary ENIs as it is. By default it is turned off before the uninitialized taint is removed, as upstream does, so the VPC delivers pod traffic routed through the node.",
            (o, v) => o with { SkipDisableSourceDestCheck = v }),
        Flag.Bool("enable-imdsv2", true,
            "Use IMDSv2 session tokens with the ECS instance metadata service.",
            (o, v) => o with { EnableImdsV2 = v }),
    ];

    private static string? NotEmpty(string value) => value.Trim().Length == 0 ? "an empty value is not allowed" : null;

    private static string? Positive(TimeSpan value) =>
        value > TimeSpan.Zero ? null : $"{GoDuration.Format(value)} must be greater than 0";

    private static string? NotNegative(TimeSpan value) =>
        value >= TimeSpan.Zero ? null : $"{GoDuration.Format(value)} must not be negative (0 turns it off)";

    private static string? CheckController(string name) =>
        ProvidedControllers.Contains(name) || UnprovidedControllers.Contains(name)
            ? null
            : $"\"{name}\" is not a controller (allowed: {string.Join(", ", ProvidedControllers.Concat(UnprovidedControllers))})";

    private static string? CheckMaster(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : $"\"{value}\" is not an http(s) URL (e.g. https://10.0.0.1:6443)";

    private static string? CheckResourceLock(string value) =>
        ResourceLocks.Contains(value)
            ? null
            : $"\"{value}\" is not a lock kind (allowed: {string.Join(", ", ResourceLocks)}; all are read as leases)";

    private static string? CheckLeasePrefix(string value) =>
        DnsLabel().IsMatch(value) && value.Length <= 40
            ? null
            : $"\"{value}\" is not usable as a Lease name prefix (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 40 characters)";

    private static string? CheckNamespace(string value) =>
        DnsLabel().IsMatch(value) && value.Length <= 63
            ? null
            : $"\"{value}\" is not a namespace name (lower-case letters, digits and '-', at most 63 characters)";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
