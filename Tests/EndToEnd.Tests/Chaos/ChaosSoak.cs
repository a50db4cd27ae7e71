using System.Diagnostics;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Silo.SandboxHosting;

namespace Ccm.EndToEnd.Tests.Chaos;

/// <summary>
/// The chaos soak of issue 18, one engine for the test (<see cref="ChaosSoakSettings.Short"/>) and the bench
/// (<c>chaos-soak</c>). Three silo processes run against both emulators while the OpenAPI fails by chance (throttled,
/// 5xx, timed out, committed then dropped), watches are cut, history is compacted once (a 410 relist), the API server
/// restarts once on lost state, a silo is killed with SIGKILL and started again every kill period, and Services,
/// EndpointSlices and Nodes change throughout (a Node without an ECS instance among them). Invariants are checked all
/// along from the emulators' state; when the faults and changes stop, everything must converge within two
/// reconciliation periods. Every log line, Event, /metrics scrape and dashboard API answer is scanned for the
/// AccessKey secret, STS secrets and the bearer token.
/// </summary>
public sealed class ChaosSoak(ChaosSoakSettings settings, ChaosSiloStarter start, Action<string> log)
{
    public const string Throttled = "OpenAPI throttled (Throttling.User)";
    public const string ServerError = "OpenAPI 5xx (500, 503)";
    public const string TimedOut = "OpenAPI timeout (held past the client's)";
    public const string Dropped = "OpenAPI committed then dropped";
    public const string WatchesCut = "watch streams cut";
    public const string Expired = "410 Expired relist";
    public const string Restart = "API server restart with lost state";
    public const string Kill = "silo killed (SIGKILL) and restarted";
    public const string MissingInstance = "Node whose ECS instance is missing";
    public const string StsIssued = "STS credentials issued (each looked for)";

    private static readonly string[] SiloNames = ["silo-a", "silo-b", "silo-c"];
    private static readonly string[] DashboardPaths = ["api/overview", "api/silos", "api/membership", "api/cloud/calls", "api/config", "api/local/summary", "api/local/membership"];

    private readonly Dictionary<string, long> faults = new(StringComparer.Ordinal)
    {
        [WatchesCut] = 0, [Expired] = 0, [Restart] = 0, [Kill] = 0, [MissingInstance] = 0,
    };

    private readonly SecretScan secrets = new();
    private readonly HashSet<string> scannedEvents = new(StringComparer.Ordinal);
    private readonly IChaosSilo?[] silos = new IChaosSilo?[SiloNames.Length];
    private readonly List<(string Silo, string Output)> killedOutputs = [];
    private ChaosCluster? current;
    private int siloStarts;

    public async Task<ChaosSoakResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = current = await ChaosCluster.StartAsync(cancellationToken);
        secrets.Add("AccessKey secret", cluster.AccessKeySecret);
        secrets.Add("Kubernetes bearer token", cluster.Kube.BearerToken);
        var foreign = await ForeignObjects.SeedAsync(cluster, cancellationToken);
        var workload = new ChaosWorkload(cluster.Kube.Objects, cluster.Cloud.Cloud, settings.Services, settings.Seed);
        var invariants = new ChaosInvariants(cluster.Kube.Objects, cluster.Cloud.Cloud, foreign, workload);
        await WriteStsCloudConfigAsync(cluster, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            for (var i = 0; i < silos.Length; i++)
            {
                silos[i] = Start(cluster, i);
            }

            await UntilAsync(() => cluster.ActiveSilos().Distinct().Count() == silos.Length, "three silos Active", TimeSpan.FromMinutes(3), cancellationToken);
            log($"three silos Active after {clock.Elapsed.TotalSeconds:F0} s; chaos for {settings.Chaos.TotalSeconds:0} s");

            cluster.Kube.Objects.Create(foreign.ReusedService());
            workload.Begin();
            cluster.Cloud.Faults.SetRandomFaults(new RandomFaults
            {
                ThrottleRate = settings.ThrottleRate, ErrorRate = settings.ErrorRate, TimeoutRate = settings.TimeoutRate, DropRate = settings.DropRate,
            });
            await ChaosAsync(cluster, workload, invariants, http, cancellationToken);

            cluster.Cloud.Faults.SetRandomFaults(RandomFaults.None);
            var stopped = Stopwatch.StartNew();
            var bound = settings.ResyncPeriod * 2;
            log($"faults and changes stopped after {clock.Elapsed.TotalSeconds:F0} s; waiting up to {bound.TotalSeconds:0} s for convergence");
            var convergedAfter = await SettleAsync(invariants, stopped, bound, cancellationToken);
            await ScrapeAsync(http, cancellationToken);
            ScanEvents(cluster);
            ScanLogs();
            faults[MissingInstance] = workload.GhostCreated ? 1 : 0;
            return new ChaosSoakResult
            {
                Faults = FaultTable(cluster.Cloud.Calls.FaultCounts),
                Operations = new Dictionary<string, long>(StringComparer.Ordinal)
                {
                    ["Service writes"] = workload.Services.Writes + 1,
                    ["EndpointSlice writes"] = workload.EndpointWrites,
                    ["Node writes"] = workload.NodeWrites,
                    ["silo starts"] = siloStarts,
                    [StsIssued] = cluster.Cloud.IssuedStsSecrets().Count / 2,
                    ["OpenAPI calls"] = cluster.Cloud.Calls.Counts.Values.Sum(),
                },
                InvariantChecks = invariants.Checks.ToDictionary(StringComparer.Ordinal),
                Violations = invariants.Violations.ToDictionary(StringComparer.Ordinal),
                Scanned = secrets.Scanned,
                SecretHits = secrets.Hits,
                ConvergedAfter = convergedAfter,
                ConvergenceBound = bound,
                Elapsed = clock.Elapsed,
            };
        }
        finally
        {
            foreach (var silo in silos.OfType<IChaosSilo>())
            {
                await silo.DisposeAsync();
            }
        }
    }

    private async Task ChaosAsync(ChaosCluster cluster, ChaosWorkload workload, ChaosInvariants invariants, HttpClient http, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var next = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            ["check"] = TimeSpan.Zero, ["cut"] = settings.WatchCutPeriod, ["kill"] = settings.KillPeriod, ["scrape"] = settings.ScrapePeriod / 2,
            ["expired"] = settings.ExpiredAt, ["restart"] = settings.RestartAt,
        };
        var victim = 0;
        while (clock.Elapsed < settings.Chaos)
        {
            workload.Step();
            var now = clock.Elapsed;
            if (Due("check", settings.CheckPeriod))
            {
                invariants.CheckAlways();
            }

            if (Due("cut", settings.WatchCutPeriod))
            {
                cluster.Kube.Faults.CloseAllWatches();
                faults[WatchesCut]++;
            }

            if (Due("expired", TimeSpan.MaxValue))
            {
                // Compacted history, then cut: every watch resumes from a forgotten resourceVersion and must relist.
                cluster.Kube.Faults.CompactHistory();
                cluster.Kube.Faults.CloseAllWatches();
                faults[Expired]++;
                log($"{now.TotalSeconds:F0} s: history compacted and watches cut (410 relist)");
            }

            if (Due("restart", TimeSpan.MaxValue))
            {
                cluster.Kube.Faults.RestartWithLostState();
                faults[Restart]++;
                log($"{now.TotalSeconds:F0} s: API server restarted with lost state");
            }

            // No kill in the last 15 s: a silo killed then is declared dead only after the faults stop.
            if (now < settings.Chaos - TimeSpan.FromSeconds(15) && Due("kill", settings.KillPeriod))
            {
                await KillAndRestartAsync(cluster, victim++ % silos.Length);
                log($"{now.TotalSeconds:F0} s: {SiloNames[(victim - 1) % silos.Length]} killed and started again");
            }

            if (Due("scrape", settings.ScrapePeriod))
            {
                await ScrapeAsync(http, cancellationToken);
                ScanEvents(cluster);
            }

            await Task.Delay(settings.Step, cancellationToken);

            bool Due(string what, TimeSpan period)
            {
                if (now < next[what])
                {
                    return false;
                }

                next[what] = period == TimeSpan.MaxValue ? TimeSpan.MaxValue : now + period;
                return true;
            }
        }
    }

    /// <summary>Checks every second until everything has converged; the time it took, or null past <paramref name="bound"/>.</summary>
    private async Task<TimeSpan?> SettleAsync(ChaosInvariants invariants, Stopwatch stopped, TimeSpan bound, CancellationToken cancellationToken)
    {
        while (true)
        {
            invariants.CheckAlways();
            var (loadBalancers, routes) = invariants.Settled();
            if (loadBalancers.Complete && routes.Count == 0)
            {
                invariants.Record(ChaosInvariants.NoLeakAfterSettling, []);
                invariants.Record(ChaosInvariants.Converged, []);
                log($"converged {stopped.Elapsed.TotalSeconds:F1} s after the faults stopped: {loadBalancers}");
                return stopped.Elapsed;
            }

            if (stopped.Elapsed > bound)
            {
                invariants.Record(ChaosInvariants.NoLeakAfterSettling, loadBalancers.Leaked.Select(l => $"{l} leaked"));
                invariants.Record(ChaosInvariants.Converged,
                    [$"not converged {bound.TotalSeconds:0} s after the faults stopped: {loadBalancers}{(routes.Count == 0 ? "" : "; routes: " + string.Join("; ", routes.Take(5)))}"]);
                LogWhatSilosSaid(loadBalancers.Diverged.Keys);
                return null;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private IChaosSilo Start(ChaosCluster cluster, int index)
    {
        var args = cluster.SiloArguments(SiloNames[index], settings).ToList();
        if (System.Environment.GetEnvironmentVariable("CCM_CHAOS_SILO_ARGS") is { Length: > 0 } extra)
        {
            args.AddRange(extra.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        if (index == silos.Length - 1)
        {
            // The third silo signs with the RAM role's STS credentials from the metadata service, so those are looked for too.
            args.Add($"--cloud-config={Path.Combine(cluster.Folder, StsCloudConfig)}");
        }

        siloStarts++;
        return start(args, cluster.Environment);
    }

    private async Task KillAndRestartAsync(ChaosCluster cluster, int index)
    {
        var victim = silos[index]!;
        await victim.KillAsync();
        var output = victim.Output;
        ScanLog(SiloNames[index] + " (killed)", output);
        killedOutputs.Add((SiloNames[index] + " (killed)", output));
        await victim.DisposeAsync();
        silos[index] = Start(cluster, index);
        faults[Kill]++;
    }

    private async Task ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        KnowStsSecrets(current!);
        for (var i = 0; i < silos.Length; i++)
        {
            if (silos[i] is not { } silo)
            {
                continue;
            }

            try
            {
                using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                ready.CancelAfter(TimeSpan.FromSeconds(2));
                var metrics = await silo.ListenerAsync("Metrics", ready.Token);
                secrets.Scan("/metrics scrapes", SiloNames[i] + " /metrics", await http.GetStringAsync(new Uri(metrics, "metrics"), cancellationToken));
                var dashboard = await silo.ListenerAsync("Dashboard", ready.Token);
                foreach (var path in DashboardPaths)
                {
                    using var answer = await http.GetAsync(new Uri(dashboard, path), cancellationToken);
                    secrets.Scan("dashboard API answers", $"{SiloNames[i]} /{path}", await answer.Content.ReadAsStringAsync(cancellationToken));
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                // A silo starting or just killed has nothing to answer yet; the next scrape reads it.
            }
        }
    }

    /// <summary>For a Service that did not converge: the last lines any silo (killed ones too) logged about it.</summary>
    private void LogWhatSilosSaid(IEnumerable<string> services)
    {
        var outputs = killedOutputs.Concat(silos.Select((silo, i) => (SiloNames[i], silo?.Output ?? ""))).ToList();
        if (System.Environment.GetEnvironmentVariable("CCM_CHAOS_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            for (var i = 0; i < outputs.Count; i++)
            {
                File.WriteAllText(Path.Combine(dump, $"{i:D2}-{outputs[i].Item1}.log"), outputs[i].Item2);
            }
        }
        foreach (var service in services.Take(5))
        {
            var name = service[(service.IndexOf('/', StringComparison.Ordinal) + 1)..];
            log($"what the silos logged about {service}:");
            foreach (var (silo, output) in outputs)
            {
                foreach (var line in output.Split('\n').Where(l => l.Contains(name, StringComparison.Ordinal)).TakeLast(6))
                {
                    log($"  {silo}: {line}");
                }
            }
        }
    }

    /// <summary>Every Event not scanned yet (reason, message, note, whatever it holds).</summary>
    private void ScanEvents(ChaosCluster cluster)
    {
        KnowStsSecrets(cluster);
        foreach (var item in cluster.Kube.Objects.List("events"))
        {
            var key = $"{item["metadata"]?["uid"]}/{item["count"]}/{item["series"]?["count"]}";
            if (scannedEvents.Add(key))
            {
                secrets.Scan("Kubernetes Events", $"Event {item["metadata"]?["namespace"]}/{item["metadata"]?["name"]}", item.ToJsonString());
            }
        }
    }

    private void ScanLogs()
    {
        for (var i = 0; i < silos.Length; i++)
        {
            ScanLog(SiloNames[i], silos[i]?.Output ?? "");
        }
    }

    /// <summary>A silo's whole output: every log line, exceptions and their stack traces included.</summary>
    private void ScanLog(string silo, string output)
    {
        KnowStsSecrets(current!);
        secrets.Scan("log lines (exceptions included)", $"the log of {silo}", output, output.Count(c => c == '\n'));
    }

    /// <summary>STS credentials are issued while the soak runs: each scan looks for every one issued so far.</summary>
    private void KnowStsSecrets(ChaosCluster cluster)
    {
        foreach (var secret in cluster.Cloud.IssuedStsSecrets())
        {
            secrets.Add("STS secret", secret);
        }
    }

    private Dictionary<string, long> FaultTable(IReadOnlyDictionary<string, long> openApi)
    {
        var table = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [Throttled] = openApi.GetValueOrDefault("throttled"),
            [ServerError] = openApi.GetValueOrDefault("error"),
            [TimedOut] = openApi.GetValueOrDefault("timeout"),
            [Dropped] = openApi.GetValueOrDefault("dropped"),
        };
        foreach (var (kind, count) in faults)
        {
            table[kind] = count;
        }

        return table;
    }

    private const string StsCloudConfig = "cloud-config-sts.json";

    /// <summary>The cloud-config without an AccessKey: a silo given it takes the RAM role's STS credentials.</summary>
    private static Task WriteStsCloudConfigAsync(ChaosCluster cluster, CancellationToken cancellationToken)
    {
        var config = JsonNode.Parse(SandboxFiles.CloudConfig(cluster.AccessKeyId, cluster.AccessKeySecret))!;
        var global = config["Global"]!.AsObject();
        global.Remove("accessKeyID");
        global.Remove("accessKeySecret");
        return File.WriteAllTextAsync(Path.Combine(cluster.Folder, StsCloudConfig), config.ToJsonString(), cancellationToken);
    }

    private static async Task UntilAsync(Func<bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
