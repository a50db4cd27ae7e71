using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo.SandboxHosting;

namespace Ccm.Bench.Silo;

/// <summary>
/// A restart with a large converged cluster: N Services with their CLBs (brought there by <see cref="ConvergingSilo"/>),
/// plus the demo nginx Deployment behind a Service with <c>externalTrafficPolicy: Local</c>, whose backends are the nodes
/// that run its pods. A new silo process starts with the product's defaults; as soon as it is ready (or, with
/// <c>--at-start</c>, as soon as it is started; with <c>--while-down</c>, before it starts, while no CCM runs) the
/// Deployment is scaled up by one, which moves the Service's endpoints. Reported: the time from that change (or from the
/// start, for a change made while down) until the CLB's backends are the nodes of the ready pods (target &lt; 10 s),
/// while the new silo's start-up re-checks of the N unchanged Services are still queued behind it.
/// </summary>
public sealed class RestartBenchmark : IBenchmark
{
    private const string Measured = "default/" + DemoApp.Name;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);
    private static readonly string[] Backends = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];

    public string Name => "restart";

    public string Description => "restart with N converged Services, then one endpoint change: time until its CLB backends match (target < 10 s) [services=1000] [--at-start | --while-down]";

    public IReadOnlyList<string> SmokeArgs => ["10"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var atStart = args.Contains("--at-start");
        var whileDown = args.Contains("--while-down");
        var services = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000;
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, WatchHistorySize = (4 * services) + 10_000 }, cancellationToken);
        cluster.Kube.Objects.Create(DemoApp.Deployment());
        var web = DemoApp.Service();
        web["spec"]!["externalTrafficPolicy"] = "Local";
        cluster.Kube.Objects.Create(web);
        new ServiceChurn(cluster.Kube.Objects, "fill", services).CreateMany(services);

        var clock = Stopwatch.StartNew();
        await using (var converging = await ConvergingSilo.StartAsync(cluster, cancellationToken))
        {
            await Wait.UntilAsync(() => Converged(cluster), "the cluster converges", cancellationToken, TimeSpan.FromMinutes(20));
            await converging.StopAsync(cancellationToken);
        }

        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {services} Services + {Measured} (Local) converged in {clock.Elapsed.TotalSeconds:F1} s " +
            $"by an unthrottled in-process silo, now stopped; {cluster.Cloud.Cloud.LoadBalancers.Count} CLBs");

        using var http = new HttpClient();
        cluster.Cloud.Calls.Clear();
        var replicas = (int)cluster.Kube.Objects.Get("deployments", "default", DemoApp.Name)!["spec"]!["replicas"]! + 1;
        if (whileDown)
        {
            Scale(cluster, replicas);
            await Wait.UntilAsync(() => RunningPods(cluster) == replicas, "the new pod runs", cancellationToken, TimeSpan.FromMinutes(1));
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken); // a CCM down for a while, not one starting in the same instant
        }

        await using var silo = cluster.StartSilo("silo-0");
        var ready = atStart || whileDown ? (TimeSpan?)null : await silo.ReadyAsync(http, cancellationToken);
        if (!whileDown)
        {
            Scale(cluster, replicas);
        }

        var changedAt = whileDown ? TimeSpan.Zero : silo.Elapsed;
        await Wait.UntilAsync(() => RunningPods(cluster) == replicas && Matches(cluster), "the new backends are on the CLB", cancellationToken, TimeSpan.FromMinutes(10));
        var appliedAt = silo.Elapsed;
        ready ??= await silo.ReadyAsync(http, cancellationToken);

        var latency = appliedAt - changedAt;
        var calls = cluster.Cloud.Calls.Counts;
        Console.WriteLine($"new silo process: ready {ready.Value.TotalSeconds:F1} s after start (watches synced at {silo.LineAt("Watches synced")?.TotalSeconds:F1} s)");
        Console.WriteLine($"Deployment scaled to {replicas} {(whileDown ? "5 s before the process started, while no CCM ran (timed from the start)" : atStart ? "right after the process started" : "as soon as the silo was ready")} ({changedAt.TotalSeconds:F1} s); " +
            $"CLB backends matched the ready pods' nodes {latency.TotalSeconds:F1} s later ({appliedAt.TotalSeconds:F1} s after start)");
        Console.WriteLine($"cloud calls by then: {calls.Values.Sum()} ({string.Join(", ", calls.OrderByDescending(kv => kv.Value).Take(4).Select(kv => $"{kv.Key} {kv.Value}"))}): " +
            $"the start-up re-checks of {services} unchanged Services wait behind the change");
        Console.WriteLine($"ratio latency/target = {latency / Target:F2} (target < {Target.TotalSeconds:0} s: {(latency < Target ? "met" : "MISSED")})");
        return 0;
    }

    /// <summary>Every Service converged: the filler ones by the common check, the measured one by its ready pods' nodes.</summary>
    private static bool Converged(BenchCluster cluster)
    {
        var state = LoadBalancerConvergence.Read(cluster.Kube.Objects, cluster.Cloud.Cloud, DemoWorld.ClusterId, Backends);
        return state.Leaked.Count == 0 && state.Diverged.Keys.All(k => k == Measured) && Matches(cluster);
    }

    /// <summary>The measured Service's CLB has exactly the nodes of its ready pods as backends.</summary>
    private static bool Matches(BenchCluster cluster)
    {
        var instances = DemoWorld.Nodes.ToDictionary(n => n.Name, n => n.InstanceId);
        var wanted = cluster.Kube.Objects.List("pods", "default", $"run={DemoApp.Name}")
            .Where(p => (string?)p["status"]?["phase"] == "Running" && p["metadata"]?["deletionTimestamp"] is null)
            .Select(p => instances.GetValueOrDefault((string?)p["spec"]?["nodeName"] ?? "") ?? "?")
            .ToHashSet(StringComparer.Ordinal);
        var uid = (string?)cluster.Kube.Objects.Get("services", "default", DemoApp.Name)?["metadata"]?["uid"];
        var lb = uid is null ? null : cluster.Cloud.Cloud.LoadBalancers.SingleOrDefault(l => l.Tags.Any(t => t.Key == LoadBalancerConvergence.OwnerTagKey && t.Value == LoadBalancerConvergence.OwnerTag(uid)));
        var members = lb is null ? [] : cluster.Cloud.Cloud.VServerGroups(lb.LoadBalancerId).SelectMany(g => g.BackendServers).Select(b => b.ServerId).ToHashSet(StringComparer.Ordinal);
        return wanted.Count > 0 && members.SetEquals(wanted);
    }

    private static void Scale(BenchCluster cluster, int replicas) =>
        cluster.Kube.Objects.Patch("deployments", "default", DemoApp.Name, KubePatchType.Merge, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } });

    private static int RunningPods(BenchCluster cluster) =>
        cluster.Kube.Objects.List("pods", "default", $"run={DemoApp.Name}").Count(p => (string?)p["status"]?["phase"] == "Running" && p["metadata"]?["deletionTimestamp"] is null);
}
