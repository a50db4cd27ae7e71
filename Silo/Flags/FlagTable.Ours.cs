using System.Collections.Frozen;
using Ccm.Silo.Options;

namespace Ccm.Silo.Flags;

public static partial class FlagTable
{
    private static readonly FlagDefinition[] OurFlags =
    [
        Flag.Bool("sandbox", false,
            "Start the Alibaba Cloud OpenAPI and Kubernetes emulators in this process on 127.0.0.1, seeded with a demo cluster, and run the silo against them. No account or cluster needed.",
            (o, v) => o with { Sandbox = v }),
        Flag.Path("sandbox-dir", "dir",
            "Folder where --sandbox writes kubeconfig, cloud-config.json and env (default: a new temporary folder).",
            (o, v) => o with { SandboxDir = v }),
        Flag.Bool("sandbox-empty", false,
            "With --sandbox: do not deploy the demo app (the nginx Deployment and its LoadBalancer Service); the demo nodes and cloud are still there.",
            (o, v) => o with { SandboxEmpty = v }),
        Flag.Address("dashboard-bind-addr", ":8080",
            "Address of the dashboard. When equal to --metrics-bind-addr one listener serves both. 0 disables.",
            (o, v) => o with { DashboardBindAddress = v }),
        Flag.Choice("dashboard-auth", null, ["token", "basic", "none"],
            "How dashboard users authenticate: a bearer token, basic auth, or not at all.",
            (o, v) => o with { Dashboard = o.Dashboard with { Auth = Enum.Parse<DashboardAuth>(v, ignoreCase: true) } })
            with { DefaultNote = "token; none with --sandbox" },
        Flag.Path("dashboard-token-file", "file",
            "File holding the bearer token the dashboard accepts (--dashboard-auth=token).",
            (o, v) => o with { Dashboard = o.Dashboard with { TokenFile = v } }),
        Flag.Path("dashboard-basic-auth-file", "file",
            "File holding user:password for --dashboard-auth=basic.",
            (o, v) => o with { Dashboard = o.Dashboard with { BasicAuthFile = v } }),
        Flag.String("cloud-api-rate-limits", null,
            "Client-side OpenAPI budget, over the cloud-config's cloudAPIRateLimits and the built-in defaults (SLB=10:20, SLB.CreateVServerGroup=1.4:6, VPC=10:20, ECS=20:40): comma-separated NAME=RATE[:BURST], NAME a product (SLB, VPC, ECS) or product.Action, RATE per second or COUNT/SECONDS, 0 unlimited. A change's calls always go before resync reads; throttling answers slow the budget down until the cloud recovers.",
            (o, v) => o with { CloudApiRateLimits = v }, CheckRateLimits),
        Flag.Int("silo-port", 11111,
            "TCP port silos talk to each other on (Orleans' silo port), bound to $POD_IP (else 127.0.0.1). 0 picks a free port (tests, the sandbox).",
            (o, v) => o with { SiloPort = v }, v => FlagValue.InRange(v, 0, 65535)),
        Flag.Path("silo-tls-dir", "dir",
            "Folder with tls.crt, tls.key and ca.crt (a Kubernetes TLS Secret plus its CA): silos talk mutual TLS and accept only peers whose certificate that CA signed. Without it silo traffic is plaintext (a warning says so).",
            (o, v) => o with { SiloTlsDir = v }),
        Flag.String("silo-name", null,
            "This silo's identity in the Leases and on the dashboard.",
            (o, v) => o with { SiloName = v }, NotEmpty) with { EnvironmentVariable = "POD_NAME", DefaultNote = "the host name" },
        Flag.Bool("collect-unclaimed-routes", true,
            "Delete a Custom route inside --cluster-cidr with one Instance next hop that no live node claims (its destination or its next hop): this collects the routes of nodes deleted while the CCM was down, but also deletes such a route made by hand. false deletes only the unclaimed routes whose description says this CCM created them and keeps the rest, as upstream keeps them (a route left by upstream's controller for a node deleted meanwhile then stays too); a route at a node's pod CIDR that points elsewhere is replaced either way.",
            (o, v) => o with { CollectUnclaimedRoutes = v }),
        Flag.Duration("service-resync-period", "10m",
            "How often each Service grain compares its load balancer with the cloud even when nothing changed.",
            (o, v) => o with { ServiceResyncPeriod = v }, Positive),
        Flag.Duration("node-resync-period", "5m",
            "How often each Node grain compares its node with its ECS instance even when nothing changed.",
            (o, v) => o with { NodeResyncPeriod = v }, Positive),
        Flag.Duration("grain-idle-timeout", "15m",
            "Orleans' collection age: how long a grain without work and without timers stays in memory. Reconciling grains keep timers and stay until their object is gone.",
            (o, v) => o with { GrainIdleTimeout = v }, Positive),
        Flag.Duration("memory-trim-period", "15s",
            "How often the silo may run a full compacting garbage collection and give the freed memory back to the system: only in a period in which the heap grew by a tenth of what was live. It stops the process for tens of milliseconds at 5,000 Services and keeps its RSS near what it uses. 0 leaves the heap to the GC's own sizing.",
            (o, v) => o with { MemoryTrimPeriod = v }, NotNegative),
        Flag.Duration("shutdown-timeout", "30s",
            "How long a graceful stop (SIGTERM) may take to stop signalling, finish turns and release Leases before the process exits anyway.",
            (o, v) => o with { ShutdownTimeout = v }, Positive),
        Flag.Choice("log-format", "text", ["text", "json"],
            "Log lines as readable text or as JSON objects, one per line, on standard error.",
            (o, v) => o with { LogFormat = Enum.Parse<LogFormat>(v, ignoreCase: true) }),
        Flag.Choice("logging-format", null, ["text", "json"],
            "klog's name for --log-format, as upstream manifests pass it: the same choice.",
            (o, v) => o with { LogFormat = Enum.Parse<LogFormat>(v, ignoreCase: true) }),
    ];

    private static string? CheckRateLimits(string value)
    {
        try
        {
            CloudClients.Transport.Budget.CloudRateLimitText.Parse(value);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    // Lazy because static initialisers of a partial class run in an order the language does not fix across files.
    private static readonly Lazy<IReadOnlyList<FlagDefinition>> AllFlags = new(Concatenate);

    private static readonly Lazy<FrozenDictionary<string, FlagDefinition>> ByName =
        new(() => AllFlags.Value.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal));

    /// <summary>Every flag, upstream-compatible first, then ignored, then ours.</summary>
    public static IReadOnlyList<FlagDefinition> All => AllFlags.Value;

    public static FlagDefinition? Find(string name) => ByName.Value.GetValueOrDefault(name);

    private static IReadOnlyList<FlagDefinition> Concatenate() =>
    [
        .. UpstreamFlags.Select(f => f with { Group = FlagGroup.Upstream }),
        .. IgnoredFlags.Select(f => f with { Group = FlagGroup.Ignored }),
        .. OurFlags.Select(f => f with { Group = FlagGroup.Ours }),
    ];
}
