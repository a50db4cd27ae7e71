using System.Globalization;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Silo;

/// <summary>
/// Steady state: N converged Services (brought there by <see cref="ConvergingSilo"/>) and nothing changing, watched by a
/// silo process with the product's defaults for M minutes from the moment it is ready. Printed per minute, from the
/// OpenAPI emulator's own call log: reads and writes by product and the share of the SLB budget (10 calls/s) the reads
/// take. Targets: 0 writes; the re-checks spread over the resync period rather than bunched after the start.
/// </summary>
public sealed class SteadyBenchmark : IBenchmark
{
    /// <summary>The client's default SLB budget (<c>CloudClientOptions.RateLimits["SLB"]</c>), per minute.</summary>
    private const double SlbBudgetPerMinute = 10 * 60;

    private static readonly string[] Backends = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];

    public string Name => "steady";

    public string Description => "N converged Services, nothing changing, M minutes of a default silo: calls per minute by product, writes (target 0), share of the SLB budget [services=1000] [minutes=12]";

    public IReadOnlyList<string> SmokeArgs => ["10", "0.2"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var window = TimeSpan.FromMinutes(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 12);
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, WatchHistorySize = (4 * services) + 10_000 }, cancellationToken);
        new ServiceChurn(cluster.Kube.Objects, "steady", services).CreateMany(services);
        await using (var converging = await ConvergingSilo.StartAsync(cluster, cancellationToken))
        {
            await Wait.UntilAsync(
                () => LoadBalancerConvergence.Read(cluster.Kube.Objects, cluster.Cloud.Cloud, DemoWorld.ClusterId, Backends).Complete && RoutesDone(cluster),
                "the cluster converges (CLBs and pod-CIDR routes)", cancellationToken, TimeSpan.FromMinutes(30));
            await converging.StopAsync(cancellationToken);
        }

        using var http = new HttpClient();
        await using var silo = cluster.StartSilo("silo-0");
        var ready = await silo.ReadyAsync(http, cancellationToken);
        cluster.Cloud.Calls.Clear();
        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {services} converged Services on {DemoWorld.Nodes.Count} nodes; " +
            $"a default silo process ready in {ready.TotalSeconds:F1} s; counting calls for {window.TotalMinutes:0.##} min from then");
        Console.WriteLine($"{"minute",6} {"SLB reads",10} {"ECS reads",10} {"VPC reads",10} {"writes",7} {"throttled",9} {"SLB budget",11}");

        var totals = new MinuteCounts();
        var step = window < TimeSpan.FromMinutes(1) ? window : TimeSpan.FromMinutes(1);
        var from = DateTimeOffset.UtcNow;
        for (var at = step; at <= window + TimeSpan.FromSeconds(1); at += step)
        {
            await Task.Delay(step, cancellationToken);
            var to = DateTimeOffset.UtcNow;
            var fresh = cluster.Cloud.Calls.Entries.Where(c => c.Time > from && c.Time <= to).ToList(); // the log keeps the last 10,000
            from = to;
            var minute = MinuteCounts.Of(fresh);
            totals = totals.Plus(minute);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{at.TotalMinutes,6:0.##} {minute.SlbReads,10} {minute.EcsReads,10} {minute.VpcReads,10} {minute.Writes,7} {minute.Throttled,9} {minute.SlbReads / (SlbBudgetPerMinute * step.TotalMinutes),10:P0}"));
        }

        if (totals.Writes > 0)
        {
            Console.WriteLine($"writes: {string.Join(", ", cluster.Cloud.Calls.Entries.Where(c => !c.Action.StartsWith("Describe", StringComparison.Ordinal)).GroupBy(c => c.Action).Select(g => $"{g.Key} {g.Count()}"))}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total over {window.TotalMinutes:0.##} min: SLB reads {totals.SlbReads} ({totals.SlbReads / window.TotalMinutes:F0}/min, {totals.SlbReads / (SlbBudgetPerMinute * window.TotalMinutes):P0} of the SLB budget), " +
            $"ECS reads {totals.EcsReads}, VPC reads {totals.VpcReads}, writes {totals.Writes} (target 0: {(totals.Writes == 0 ? "met" : "MISSED")}), throttled {totals.Throttled}"));
        return totals.Writes == 0 ? 0 : 1;
    }

    /// <summary>Every demo node's pod-CIDR route is Available in every custom route table.</summary>
    private static bool RoutesDone(BenchCluster cluster) =>
        DemoWorld.CustomRouteTableIds.All(table => DemoWorld.Nodes.All(node =>
            cluster.Cloud.Cloud.RouteEntries(table).Any(r => r.Entry.DestinationCidrBlock == node.PodCidr && r.Status == "Available")));

    /// <summary>Calls of one interval, reads being the <c>Describe*</c> actions, products told apart by API version.</summary>
    private sealed record MinuteCounts(int SlbReads = 0, int EcsReads = 0, int VpcReads = 0, int Writes = 0, int Throttled = 0)
    {
        public static MinuteCounts Of(List<Sandbox.Aliyun.Faults.CallRecord> calls)
        {
            var reads = calls.Where(c => c.Action.StartsWith("Describe", StringComparison.Ordinal)).ToList();
            return new MinuteCounts(
                reads.Count(c => c.Version == "2014-05-15"),
                reads.Count(c => c.Version == "2014-05-26"),
                reads.Count(c => c.Version == "2016-04-28"),
                calls.Count - reads.Count,
                calls.Count(c => c.Fault == "throttled"));
        }

        public MinuteCounts Plus(MinuteCounts o) =>
            new(SlbReads + o.SlbReads, EcsReads + o.EcsReads, VpcReads + o.VpcReads, Writes + o.Writes, Throttled + o.Throttled);
    }
}
