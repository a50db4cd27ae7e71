using System.Globalization;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Silo;

/// <summary>
/// Start to ready of a silo process with the product's defaults, joining an Orleans cluster in the Kubernetes emulator
/// that holds the demo nodes and N LoadBalancer Services: when it serves (listeners bound), when its watches synced,
/// when <c>/readyz</c> first answers 200 (watches synced, an Active member, cloud credentials usable). Each run starts a
/// fresh process (the previous one stopped with SIGTERM); medians are printed.
/// </summary>
public sealed class SiloStartBenchmark : IBenchmark
{
    public string Name => "silo-start";

    public string Description => "silo process start to ready (listeners, watches synced, /readyz 200) with N Services in the cluster [services=1000] [runs=3]";

    public IReadOnlyList<string> SmokeArgs => ["10", "1"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, WatchHistorySize = (4 * services) + 10_000 }, cancellationToken);
        new ServiceChurn(cluster.Kube.Objects, "svc", services).CreateMany(services);
        using var http = new HttpClient();
        var results = new List<(TimeSpan Serving, TimeSpan Synced, TimeSpan Ready)>();
        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; cluster: {DemoWorld.Nodes.Count + 1} nodes, {services} LoadBalancer Services");
        for (var run = 1; run <= runs; run++)
        {
            await using var silo = cluster.StartSilo($"silo-{run}");
            var ready = await silo.ReadyAsync(http, cancellationToken);

            // Readiness follows the cache's sync, and the watcher's log line about it can reach our pipe a moment later.
            await Wait.UntilAsync(() => silo.LineAt("Watches synced") is not null, "the silo logs its sync", cancellationToken, TimeSpan.FromSeconds(30));
            var result = (silo.LineAt("Serving ") ?? TimeSpan.Zero, silo.LineAt("Watches synced") ?? TimeSpan.Zero, ready);
            results.Add(result);
            Console.WriteLine($"run {run}: serving {result.Item1.TotalSeconds:F2} s, watches synced {result.Item2.TotalSeconds:F2} s, ready {ready.TotalSeconds:F2} s");
            await silo.StopAsync(TimeSpan.FromMinutes(1));
        }

        var median = results.OrderBy(r => r.Ready).ElementAt(results.Count / 2);
        Console.WriteLine($"median run: serving {median.Serving.TotalSeconds:F2} s, watches synced {median.Synced.TotalSeconds:F2} s, ready {median.Ready.TotalSeconds:F2} s after the process started");
        return 0;
    }
}
