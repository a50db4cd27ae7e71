using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;

namespace Ccm.Bench.Silo;

/// <summary>
/// Endpoint churn: N converged Services with <c>externalTrafficPolicy: Local</c> (their backends are the nodes their
/// endpoints run on), then R endpoint changes per second for S seconds, each moving one Service's endpoints to another
/// set of the demo nodes (its EndpointSlice rewritten, as the EndpointSlice controller would). A silo process with the
/// product's defaults applies them. Reported: for every change that was still the latest of its Service when the CLB's
/// backends came to match it, the time from the change to that match (p50, p90, p99, max); changes overtaken by a later
/// one of the same Service before they were applied are counted as coalesced (one turn reads the newest state).
/// </summary>
public sealed class ChurnBenchmark : IBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public string Name => "churn";

    public string Description => "endpoint changes at R/s over N Local Services for S s: time from a change to the CLB backends matching it, p50/p99 [services=100] [rate=50] [seconds=60]";

    public IReadOnlyList<string> SmokeArgs => ["4", "5", "3"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var rate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var duration = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Demo, WatchHistorySize = (int)(rate * duration.TotalSeconds * 4) + (8 * services) + 10_000 }, cancellationToken);
        var kube = cluster.Kube.Objects;
        var random = new Random(17);
        var wanted = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < services; i++)
        {
            var name = $"churn-{i:D4}";
            kube.Create(Service(name));
            wanted[name] = Pick(random, []);
            kube.Create(Slice(name, wanted[name]));
        }

        using var http = new HttpClient();
        await using var silo = cluster.StartSilo("silo-0");
        await silo.ReadyAsync(http, cancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            await Wait.UntilAsync(() => wanted.All(w => Matches(cluster, w.Key, w.Value)), "every Service's CLB has its endpoints' nodes", cancellationToken, TimeSpan.FromMinutes(30));
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"not converged; the silo's last lines:\n{silo.Tail()}");
            foreach (var (name, nodes) in wanted)
            {
                Console.Error.WriteLine($"{name}: wants {string.Join(",", nodes)}; CLB has {(Members(cluster, name) is { } members ? string.Join(",", members) : "no CLB yet")}");
            }

            throw;
        }

        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {services} Local Services on {DemoWorld.Nodes.Count} nodes converged by a default silo process in {clock.Elapsed.TotalSeconds:F1} s");

        // Changes are made on one loop at the rate; another polls the cloud and times each Service's latest change.
        var pending = new Dictionary<string, (TimeSpan At, string[] Nodes)>(StringComparer.Ordinal);
        var latencies = new List<TimeSpan>();
        var changes = 0;
        var coalesced = 0;
        cluster.Cloud.Calls.Clear();
        clock.Restart();
        var nextChange = TimeSpan.Zero;
        var nextPoll = TimeSpan.Zero;
        while (clock.Elapsed < duration || pending.Count > 0)
        {
            var now = clock.Elapsed;
            while (now < duration && nextChange <= now)
            {
                var name = $"churn-{random.Next(services):D4}";
                wanted[name] = Pick(random, wanted[name]);
                kube.Patch("endpointslices", "default", name, KubePatchType.Merge, new JsonObject { ["endpoints"] = Endpoints(name, wanted[name]) });
                coalesced += pending.ContainsKey(name) ? 1 : 0;
                pending[name] = (clock.Elapsed, wanted[name]);
                changes++;
                nextChange += TimeSpan.FromSeconds(1 / rate);
            }

            if (now >= nextPoll)
            {
                foreach (var (name, change) in pending.Where(p => Matches(cluster, p.Key, p.Value.Nodes)).ToList())
                {
                    latencies.Add(clock.Elapsed - change.At);
                    pending.Remove(name);
                }

                nextPoll = now + Poll;
            }

            if (clock.Elapsed > duration + TimeSpan.FromMinutes(15))
            {
                Console.Error.WriteLine($"{pending.Count} Services still without their last change 15 minutes after the churn stopped");
                return 1;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        var drained = clock.Elapsed;
        var calls = cluster.Cloud.Calls.Counts;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{changes} endpoint changes in {duration.TotalSeconds:0} s ({changes / duration.TotalSeconds:F1}/s) over {services} Services; {coalesced} overtaken by a later change of their Service before being applied (coalesced); " +
            $"every Service matched its last change {(drained - duration).TotalSeconds:F1} s after the churn stopped"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"change -> CLB backends match ({latencies.Count} timed, polled every {Poll.TotalMilliseconds:0} ms): p50 {Pct(latencies, 0.5):F2} s, p90 {Pct(latencies, 0.9):F2} s, p99 {Pct(latencies, 0.99):F2} s, max {Pct(latencies, 1):F2} s"));
        Console.WriteLine($"cloud calls: {calls.Values.Sum()} ({string.Join(", ", calls.OrderByDescending(kv => kv.Value).Take(5).Select(kv => $"{kv.Key} {kv.Value}"))})");
        return 0;
    }

    private static double Pct(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].TotalSeconds;

    /// <summary>A non-empty set of demo nodes other than <paramref name="current"/>.</summary>
    private static string[] Pick(Random random, string[] current)
    {
        while (true)
        {
            string[] next = [.. DemoWorld.Nodes.Where(_ => random.Next(2) == 0).Select(n => n.Name)];
            if (next.Length > 0 && !next.Order(StringComparer.Ordinal).SequenceEqual(current.Order(StringComparer.Ordinal)))
            {
                return next;
            }
        }
    }

    /// <summary>The instance ids behind the Service's CLB, or null while it has none.</summary>
    private static HashSet<string>? Members(BenchCluster cluster, string name)
    {
        var uid = (string?)cluster.Kube.Objects.Get("services", "default", name)?["metadata"]?["uid"];
        var lb = uid is null ? null : cluster.Cloud.Cloud.LoadBalancers.SingleOrDefault(l => l.Tags.Any(t => t.Key == LoadBalancerConvergence.OwnerTagKey && t.Value == LoadBalancerConvergence.OwnerTag(uid)));
        return lb is null ? null : cluster.Cloud.Cloud.VServerGroups(lb.LoadBalancerId).SelectMany(g => g.BackendServers).Select(b => b.ServerId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The Service's CLB has exactly the instances of these nodes as backends.</summary>
    private static bool Matches(BenchCluster cluster, string name, string[] nodes) =>
        Members(cluster, name)?.SetEquals(DemoWorld.Nodes.Where(n => nodes.Contains(n.Name)).Select(n => n.InstanceId)) == true;

    private static JsonObject Service(string name) => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["type"] = "LoadBalancer", ["externalTrafficPolicy"] = "Local",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = 8080, ["protocol"] = "TCP" }),
        },
    };

    /// <summary>The Service's one EndpointSlice (it has no selector, so the controller leaves it to us).</summary>
    private static JsonObject Slice(string name, string[] nodes) => new()
    {
        ["apiVersion"] = "discovery.k8s.io/v1", ["kind"] = "EndpointSlice",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = name } },
        ["addressType"] = "IPv4",
        ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 8080, ["protocol"] = "TCP" }),
        ["endpoints"] = Endpoints(name, nodes),
    };

    private static JsonArray Endpoints(string name, string[] nodes) =>
        [.. nodes.Select(node => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray($"172.20.{DemoWorld.Nodes.ToList().FindIndex(n => n.Name == node)}.{(Math.Abs(StringComparer.Ordinal.GetHashCode(name)) % 200) + 10}"),
            ["conditions"] = new JsonObject { ["ready"] = true, ["serving"] = true, ["terminating"] = false },
            ["nodeName"] = node,
        })];
}
