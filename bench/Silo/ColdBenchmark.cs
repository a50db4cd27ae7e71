using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Slb;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Vpc;
using Ccm.EndToEnd.Tests.Failover;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Silo.SandboxHosting;

namespace Ccm.Bench.Silo;

/// <summary>
/// From cold: N LoadBalancer Services (one TCP port, <c>externalTrafficPolicy: Local</c>, each with an EndpointSlice of
/// pods on three of the nodes, so each CLB has three backends and the nodes' share spreads evenly) are applied at once to
/// a cluster of M Nodes whose pod-CIDR routes go into the VPC's three route tables, and one silo
/// process with the product's defaults converges it all while the OpenAPI emulator answers each call 20 ms late and
/// throttles every action on its own (<see cref="Throttles"/>: Alibaba Cloud limits per API). The silo is told the same
/// per-action rates at 95% (<c>--cloud-api-rate-limits</c>, as an operator copies them from the Quota Center). The lower
/// bound is what the throttle allows for the calls made: the largest, over the actions, of the calls accepted divided by
/// the action's rate. The figure of merit is the wall time over that bound (target at most 1.25).
/// </summary>
/// <remarks>Not <c>Cluster</c> on 300 nodes: a CLB holds at most 200 backend servers (reference aliyun-api.md, CLB
/// quotas; the emulator answers <c>InstanceBackendServerNumberOverLimit</c>), so such a Service cannot converge on any
/// controller, and an ECS instance may serve at most 50 CLBs.</remarks>
public sealed class ColdBenchmark : IBenchmark
{
    private const double Target = 1.25;
    private const double ClientShare = 0.95;
    private const string Throttled = "throttled";

    /// <summary>Calls per second the emulator allows per action: SLB CreateVServerGroup 90 per 60 s (its published rate), every other action of a product as listed.</summary>
    private static readonly Dictionary<string, double> ProductRates = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["SLB"] = 10, ["VPC"] = 10, ["ECS"] = 20,
    };

    private static readonly Dictionary<string, double> ActionRates = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["CreateVServerGroup"] = 1.5,
    };

    public string Name => "cold";

    public string Description => "N Local Services (pods on 3 nodes each) applied at once on M nodes with 3 route tables, from cold, 20 ms OpenAPI latency and a per-action throttle: wall time / the throttle's lower bound (target <= 1.25) [services=1000] [nodes=300]";

    public IReadOnlyList<string> SmokeArgs => ["10", "20"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var services = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var nodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        if (nodes is < 1 or > 500)
        {
            Console.Error.WriteLine("nodes: 1 to 500 (one /25 each in 172.20.0.0/16)");
            return 2;
        }

        await using var cluster = await BenchCluster.StartAsync(new KubeEmulatorOptions
        {
            Seed = SeedKind.Empty, RunControllers = false, WatchHistorySize = (6 * services) + (4 * nodes) + 10_000, ServiceNodePortRange = "30000-49999",
        }, cancellationToken);
        string[] tables = [DemoWorld.SystemRouteTableId, .. DemoWorld.CustomRouteTableIds];
        await WriteCloudConfigAsync(cluster, tables, cancellationToken);
        AddNodes(cluster, nodes, tables);
        var throttles = Throttles();
        cluster.Cloud.Faults.SetLatency(TimeSpan.FromMilliseconds(20));
        foreach (var (_, action, rate) in throttles)
        {
            cluster.Cloud.Faults.SetQpsLimit(action, rate);
        }

        cluster.Cloud.Calls.Clear();
        var clock = Stopwatch.StartNew();
        AddServices(cluster, services, nodes);
        Console.WriteLine($"load average {Wait.LoadAverage()} on {Environment.ProcessorCount} cores; {services} Services (1 port, Local, pods on 3 nodes each) applied at once; {nodes} Nodes, " +
            $"routes in {tables.Length} tables; OpenAPI latency 20 ms; throttle per action: {Describe(throttles)}");
        await using var silo = cluster.StartSilo("cold", [$"--cloud-api-rate-limits={ClientRates(throttles)}"]);
        var bound = TimeSpan.FromHours(3) + TimeSpan.FromSeconds(services * 2);
        var reported = Stopwatch.StartNew();
        await Wait.UntilAsync(
            () =>
            {
                var waiting = Waiting(cluster, tables);
                if (waiting is not null && reported.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.WriteLine($"[{clock.Elapsed.TotalSeconds:F0} s] waiting: {waiting}");
                    reported.Restart();
                }

                return waiting is null;
            },
            "every Service's CLB and every node's routes", cancellationToken, bound);
        var wall = clock.Elapsed;
        return Report(cluster, throttles, wall, silo);
    }

    private static readonly (string Product, Type Actions)[] Products = [("SLB", typeof(SlbActions)), ("VPC", typeof(VpcActions)), ("ECS", typeof(EcsActions))];

    /// <summary>Every action the CCM's clients send, throttled at its product's rate unless it has its own.</summary>
    private static IReadOnlyList<Throttle> Throttles() =>
        [.. Products.SelectMany(p => p.Actions.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(CloudAction))
            .Select(f => ((CloudAction)f.GetValue(null)!).Name)
            .Select(action => new Throttle(p.Product, action, ActionRates.GetValueOrDefault(action, ProductRates[p.Product]))))];

    /// <summary>The silo's client budget: each throttled action its own bucket at 95% of the emulator's rate.</summary>
    private static string ClientRates(IReadOnlyList<Throttle> throttles) =>
        string.Join(",", throttles.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Product}.{t.Action}={t.Rate * ClientShare:0.###}:{Math.Max(1, (int)Math.Floor(t.Rate * ClientShare))}")));

    private static string Describe(IReadOnlyList<Throttle> throttles) =>
        string.Join(", ", [
            .. throttles.Where(t => ActionRates.ContainsKey(t.Action)).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Action} {t.Rate}/s")),
            .. ProductRates.Select(p => string.Create(CultureInfo.InvariantCulture, $"every other {p.Key} action {p.Value}/s")),
        ]);

    private static async Task WriteCloudConfigAsync(BenchCluster cluster, string[] tables, CancellationToken cancellationToken)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(cluster.CloudConfigPath, cancellationToken))!;
        config["Global"]!["routeTableIDs"] = string.Join(",", tables);
        await File.WriteAllTextAsync(cluster.CloudConfigPath, config.ToJsonString(), cancellationToken);
    }

    /// <summary>An ECS instance and a Ready Node (<c>cold-node-NNN</c>) for each of <paramref name="count"/> nodes, each with a /25 pod CIDR.</summary>
    private static void AddNodes(BenchCluster cluster, int count, string[] tables)
    {
        foreach (var table in tables)
        {
            cluster.Cloud.Cloud.SetRouteEntryQuota(table, count + 100);
        }

        for (var i = 0; i < count; i++)
        {
            var vSwitch = DemoWorld.VSwitches[i % DemoWorld.VSwitches.Count];
            var instance = cluster.Cloud.Cloud.AddInstance(new NewInstance { InstanceName = $"cold-node-{i:D3}", VSwitchId = vSwitch.VSwitchId });
            var cidr = $"172.20.{i / 2}.{i % 2 * 128}/25";
            cluster.Kube.Objects.Create(new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Node",
                ["metadata"] = new JsonObject { ["name"] = instance.InstanceName, ["labels"] = new JsonObject { ["topology.kubernetes.io/zone"] = vSwitch.ZoneId } },
                ["spec"] = new JsonObject { ["providerID"] = $"{DemoWorld.RegionId}.{instance.InstanceId}", ["podCIDR"] = cidr, ["podCIDRs"] = new JsonArray(cidr) },
                ["status"] = new JsonObject
                {
                    ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = instance.PrivateIpAddress }),
                    ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
                },
            });
        }
    }

    /// <summary>
    /// Each Service <c>default/cold-NNNN</c> (Local, one TCP port) and its EndpointSlice: one ready pod on each of nodes
    /// i, i + M/3 and i + 2M/3 (mod M), in the node's pod CIDR.
    /// </summary>
    private static void AddServices(BenchCluster cluster, int services, int nodes)
    {
        var names = cluster.Kube.Objects.List("nodes").Select(n => (Name: (string)n["metadata"]!["name"]!, Cidr: (string)n["spec"]!["podCIDR"]!)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < services; i++)
        {
            var name = $"cold-{i:D4}";
            cluster.Kube.Objects.Create(new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Service",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
                ["spec"] = new JsonObject
                {
                    ["type"] = "LoadBalancer", ["externalTrafficPolicy"] = "Local", ["selector"] = new JsonObject { ["app"] = name },
                    ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["protocol"] = "TCP", ["targetPort"] = 8080 }),
                },
            });
            var endpoints = new JsonArray();
            foreach (var k in new[] { i, i + (nodes / 3), i + (2 * nodes / 3) }.Select(k => k % nodes).Distinct())
            {
                var (node, cidr) = names[k];
                var pod = cidr.Split('/')[0].Split('.');
                endpoints.Add(new JsonObject
                {
                    ["addresses"] = new JsonArray($"{pod[0]}.{pod[1]}.{pod[2]}.{int.Parse(pod[3], CultureInfo.InvariantCulture) + 2 + (i % 100)}"),
                    ["conditions"] = new JsonObject { ["ready"] = true },
                    ["nodeName"] = node,
                });
            }

            cluster.Kube.Objects.Create(new JsonObject
            {
                ["apiVersion"] = "discovery.k8s.io/v1", ["kind"] = "EndpointSlice",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name + "-cold", ["namespace"] = "default",
                    ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = name, ["endpointslice.kubernetes.io/managed-by"] = "bench" },
                },
                ["addressType"] = "IPv4", ["endpoints"] = endpoints,
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 8080, ["protocol"] = "TCP" }),
            });
        }
    }

    /// <summary>
    /// Null once every node's route is in every table and every Service has its CLB with one listener, an address in
    /// its status and the nodes of its pods as backends; else what is still missing, and how many Services have it.
    /// </summary>
    private static string? Waiting(BenchCluster cluster, string[] tables)
    {
        var kube = cluster.Kube.Objects;
        var cloud = cluster.Cloud.Cloud;
        var routes = kube.List("nodes").Count;
        var missingRoutes = tables.Sum(t => Math.Max(0, routes - cloud.RouteEntries(t).Count(e => e.Entry.IsCustom && e.Status == "Available")));
        var missing = new Dictionary<string, int>(StringComparer.Ordinal);

        var instanceOf = kube.List("nodes").ToDictionary(n => (string)n["metadata"]!["name"]!, n => ((string)n["spec"]!["providerID"]!).Split('.').Last(), StringComparer.Ordinal);
        var slices = kube.List("endpointslices", "default").ToDictionary(s => (string)s["metadata"]!["labels"]!["kubernetes.io/service-name"]!, StringComparer.Ordinal);
        var byOwner = cloud.Snapshot.LoadBalancers.Values.ToLookup(lb => lb.Tags.FirstOrDefault(t => t.Key == LoadBalancerConvergence.OwnerTagKey)?.Value ?? "", StringComparer.Ordinal);
        foreach (var service in kube.List("services", "default").Where(s => (string?)s["spec"]?["type"] == "LoadBalancer"))
        {
            var name = (string)service["metadata"]!["name"]!;
            var lb = byOwner[LoadBalancerConvergence.OwnerTag((string)service["metadata"]!["uid"]!)].SingleOrDefault();
            var why = lb is null ? "no CLB" : lb.Listeners.Count != 1 ? "no listener" : service["status"]?["loadBalancer"]?["ingress"] is null ? "no address" : null;
            if (why is not null)
            {
                missing[why] = missing.GetValueOrDefault(why) + 1;
                continue;
            }

            var wanted = ((JsonArray)slices[name]["endpoints"]!).Select(e => instanceOf[(string)e!["nodeName"]!]).ToHashSet(StringComparer.Ordinal);
            var members = cloud.VServerGroups(lb!.LoadBalancerId).SelectMany(g => g.BackendServers).Select(b => b.ServerId).ToHashSet(StringComparer.Ordinal);
            if (!members.SetEquals(wanted))
            {
                missing["other backends"] = missing.GetValueOrDefault("other backends") + 1;
            }
        }

        return missingRoutes == 0 && missing.Count == 0
            ? null
            : string.Join(", ", [.. missing.Select(m => $"{m.Value} Services with {m.Key}"), .. missingRoutes > 0 ? new[] { $"{missingRoutes} routes" } : []]);
    }

    private static int Report(BenchCluster cluster, IReadOnlyList<Throttle> throttles, TimeSpan wall, BenchSilo silo)
    {
        var calls = cluster.Cloud.Calls;
        var rows = throttles
            .Select(t => (Name: t.Action, t.Rate, Made: calls.CountOf(t.Action), Refused: calls.FaultCountOf(t.Action, Throttled)))
            .Where(r => r.Made > 0)
            .Select(r => (r.Name, r.Rate, r.Made, r.Refused, Needs: TimeSpan.FromSeconds((r.Made - r.Refused) / r.Rate)))
            .OrderByDescending(r => r.Needs)
            .ToList();
        Console.WriteLine($"{"action",-36} {"rate/s",7} {"accepted",9} {"throttled",9} {"needs",9}");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Name,-36} {row.Rate,7:0.##} {row.Made - row.Refused,9} {row.Refused,9} {row.Needs.TotalSeconds,8:F1}s"));
        }

        var bound = rows[0].Needs;
        var ratio = wall / bound;
        Console.WriteLine($"calls: {rows.Sum(r => r.Made)} ({rows.Sum(r => r.Refused)} answered Throttling); silo RSS at the end {silo.Rss() / 1024d / 1024d:F0} MiB");
        Console.WriteLine($"converged in {wall.TotalSeconds:F1} s; the throttle's lower bound {bound.TotalSeconds:F1} s ({rows[0].Name}: {rows[0].Made - rows[0].Refused} calls at {rows[0].Rate.ToString(CultureInfo.InvariantCulture)}/s)");
        Console.WriteLine($"ratio wall/bound = {ratio:F2} (target <= {Target.ToString(CultureInfo.InvariantCulture)}: {(ratio <= Target ? "met" : "MISSED")})");
        return ratio <= Target ? 0 : IBenchmark.TargetMissed;
    }

    private sealed record Throttle(string Product, string Action, double Rate);
}
