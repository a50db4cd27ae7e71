using System.Globalization;
using Ccm.Bench.Kube;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Silo;

/// <summary>
/// The resident memory of a real silo process over a large cluster: N LoadBalancer Services (with their EndpointSlices)
/// and M Nodes shaped as production objects (<see cref="FootprintObjects"/>), every Service and Node grain activated
/// and the cache synced, under workstation GC (the silo's) and under server GC. The client-side cloud budget (SLB 10
/// calls/s) cannot converge thousands of CLBs within a run, so the Service grains are measured activated with their
/// turns queued or running, not converged; the figure is taken after a settling period, as the largest RSS seen in its
/// last 20 s.
/// </summary>
public sealed class SiloFootprintBenchmark : IBenchmark
{
    private const double TargetMiB = 250;

    public string Name => "footprint";

    public string Description => "RSS of a silo process with N Services and M Nodes cached and their grains active, workstation (the silo's) vs server GC (target < 250 MB) [services=5000] [nodes=2000] [settle-s=60] [new: Services without a load balancer yet, so every turn goes on to create one]";

    public IReadOnlyList<string> SmokeArgs => ["40", "20", "2"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var nodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var settle = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);

        // By default every Service shows an address whose load balancer is gone: its turn stops after the lookup. New
        // Services go on past it to build their members and create one, which is where a turn holds the most.
        var fresh = args.Length > 3 && args[3] == "new";
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions
        {
            Seed = SeedKind.Empty,
            RunControllers = false,
            WatchHistorySize = (4 * services) + nodes + 10_000,
            ServiceNodePortRange = "30000-49999", // two node ports per Service: a cluster this size widens the default range
        }, cancellationToken);
        Fill(cluster.Kube, services, nodes, fresh);
        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; cluster: {services} LoadBalancer Services (+ {services} EndpointSlices), {nodes} Nodes; routes off; "
            + (fresh ? "new Services (no address yet: every turn goes on to create a load balancer)" : "Services showing an address whose load balancer is gone (every turn stops after its lookup)"));
        using var http = new HttpClient();
        foreach (var (gc, serverGc) in new[] { ("workstation GC (the silo's default)", "0"), ("server GC (DOTNET_gcServer=1)", "1") })
        {
            cluster.Cloud.Cloud.Reset();
            await using var silo = cluster.StartSilo("footprint", ["--configure-cloud-routes=false", "--leader-elect=false"], new Dictionary<string, string> { ["DOTNET_gcServer"] = serverGc });
            var ready = await silo.ReadyAsync(http, cancellationToken);
            await Wait.UntilAsync(
                async () =>
                {
                    var active = await silo.MetricAsync(http, "ccm_grain_activations", cancellationToken);
                    return active.GetValueOrDefault("grain_type=\"service\"") >= services && active.GetValueOrDefault("grain_type=\"node\"") >= nodes;
                },
                "every Service and Node grain is active", cancellationToken, TimeSpan.FromMinutes(10));
            var activeAt = silo.Elapsed;
            // Five samples over the end of the settle time, 5 s apart (closer when it is shorter than 20 s).
            var spacing = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, settle.Ticks / 4));
            await Task.Delay(settle - (4 * spacing), cancellationToken);
            var samples = new List<long>();
            for (var i = 0; i < 5; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(spacing, cancellationToken);
                }

                samples.Add(silo.Rss());
            }

            var (anonymous, file, shared) = (silo.Status("RssAnon"), silo.Status("RssFile"), silo.Status("RssShmem"));
            var heap = (await silo.MetricAsync(http, "dotnet_gc_last_collection_heap_size_bytes", cancellationToken)).Values.Sum();
            var committed = (await silo.MetricAsync(http, "dotnet_gc_last_collection_memory_committed_size_bytes", cancellationToken)).Values.Sum();
            var turns = (await silo.MetricAsync(http, "ccm_grain_turns_total", cancellationToken)).Values.Sum();
            var rss = MiB(samples.Max());
            Console.WriteLine($"{gc}: ready {ready.TotalSeconds:F1} s, all grains active {activeAt.TotalSeconds:F1} s; after {settle.TotalSeconds:0} s more: " +
                $"RSS max {rss:F1} MiB (last {MiB(samples[^1]):F1} MiB; then anonymous {MiB(anonymous):F1}, file-backed {MiB(file):F1}, JIT shared {MiB(shared):F1}), managed heap after the last GC {MiB(heap):F1} MiB, GC committed {MiB(committed):F1} MiB; " +
                $"{turns:0} turns run; {rss / TargetMiB:F2} x the {TargetMiB:0} MiB target");
            await silo.StopAsync(TimeSpan.FromMinutes(1));
        }

        return 0;
    }

    private static double MiB(double bytes) => bytes / 1024 / 1024;

    private static void Fill(KubeEmulator emulator, int services, int nodes, bool fresh)
    {
        for (var n = 0; n < FootprintObjects.Namespaces; n++)
        {
            emulator.Objects.Create(FootprintObjects.Namespace(n));
        }

        for (var j = 0; j < nodes; j++)
        {
            emulator.Objects.Create(FootprintObjects.Node(j));
        }

        for (var i = 0; i < services; i++)
        {
            var created = emulator.Objects.Create(FootprintObjects.Service(i));
            if (!fresh)
            {
                emulator.Objects.Patch("services", FootprintObjects.NamespaceOf(i), FootprintObjects.ServiceName(i), KubePatchType.Merge, FootprintObjects.ServiceStatus(i), "status");
            }

            emulator.Objects.Create(FootprintObjects.EndpointSlice(i, (string)created["metadata"]!["uid"]!, nodes));
        }
    }
}
