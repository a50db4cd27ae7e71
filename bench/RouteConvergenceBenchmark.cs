using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.GrainInterfaces;
using Ccm.Grains;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;

namespace Ccm.Bench;

/// <summary>
/// From cold (empty tables, no grain active), the route controller makes N nodes' routes Available in T route tables
/// of one VPC while the emulator throttles every route action to Q calls per second. The lower bound is what the
/// throttle allows for the fewest create calls that can do the job (T x ceil(N / batch) at Q per second); the ratio
/// of the wall time to it is the figure of merit (target at most 1.25).
/// </summary>
public sealed class RouteConvergenceBenchmark : IBenchmark
{
    private static readonly string[] RouteActions =
        ["DescribeRouteEntryList", "CreateRouteEntries", "CreateRouteEntry", "DeleteRouteEntry", "DeleteRouteEntries", "DescribeRouteTableList"];

    public string Name => "route-convergence";

    public string Description => "500 nodes x 3 route tables from cold under the per-action throttle: calls, wall time, ratio to the throttle's lower bound (target <= 1.25)";

    public IReadOnlyList<string> SmokeArgs => ["20", "2", "50"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var tableCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var qps = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        // The VPC's system table and the two custom ones: three tables of one VPC, as the demo cloud has them.
        string[] tables = [.. new[] { DemoWorld.SystemRouteTableId }.Concat(DemoWorld.CustomRouteTableIds).Take(tableCount)];
        if (nodes > 512 || tables.Length != tableCount)
        {
            Console.Error.WriteLine("at most 512 nodes (one /25 each in 172.20.0.0/16) and 3 tables");
            return 2;
        }

        await using var cloud = await AliyunEmulator.StartAsync(new AliyunEmulatorOptions
        {
            AccessKeyId = RouteBenchSilo.AccessKeyId, AccessKeySecret = RouteBenchSilo.AccessKeySecret, Seed = SeedKind.Demo,
        }, cancellationToken);
        await using var kube = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false }, cancellationToken);
        foreach (var table in tables)
        {
            cloud.Cloud.SetRouteEntryQuota(table, nodes + 100);
        }

        var cidrs = Enumerable.Range(0, nodes).Select(i => $"172.20.{i / 2}.{i % 2 * 128}/25").ToList();
        for (var i = 0; i < nodes; i++)
        {
            var instance = cloud.Cloud.AddInstance(new NewInstance { InstanceName = $"bench-node-{i:D3}" });
            kube.Objects.Create(new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Node",
                ["metadata"] = new JsonObject { ["name"] = instance.InstanceName },
                ["spec"] = new JsonObject { ["providerID"] = $"{DemoWorld.RegionId}.{instance.InstanceId}", ["podCIDR"] = cidrs[i], ["podCIDRs"] = new JsonArray(cidrs[i]) },
            });
        }

        var options = new CcmOptions
        {
            ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId, Controllers = ["route"],
            ConfigureCloudRoutes = true, ClusterCidr = IPNetwork.Parse(DemoWorld.ClusterCidr), RouteTableIds = [.. tables],
            RouteReconciliationPeriod = TimeSpan.FromHours(1),
        };
        var cache = new StaticClusterCache([.. kube.Objects.List("nodes").Select(j => KubernetesJson.Deserialize<V1Node>(j.ToJsonString()))]);
        await using var silo = await RouteBenchSilo.StartAsync(cloud, kube, cache, options, cancellationToken);

        foreach (var action in RouteActions)
        {
            cloud.Faults.SetQpsLimit(action, qps);
        }

        cloud.Calls.Clear();
        var clock = Stopwatch.StartNew();
        foreach (var table in tables)
        {
            await silo.SignalAsync(table);
        }

        while (!tables.All(t => cloud.Cloud.RouteEntries(t).Count(e => e.Entry.IsCustom && e.Status == "Available") == nodes))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.Error.WriteLine("did not converge within 10 minutes");
                return 1;
            }

            await Task.Delay(50, cancellationToken);
        }

        var wall = clock.Elapsed;
        Report(cloud, nodes, tables.Length, qps, options.RouteBatchSize, wall);
        return 0;
    }

    private static void Report(AliyunEmulator cloud, int nodes, int tables, double qps, int batch, TimeSpan wall)
    {
        var counts = cloud.Calls.Counts;
        var throttled = cloud.Calls.Entries.Count(c => c.Fault == "throttled");
        var creates = tables * (int)Math.Ceiling(nodes / (double)batch);
        var lowerBound = TimeSpan.FromSeconds(creates / qps);
        Console.WriteLine($"route-convergence: {nodes} nodes x {tables} tables, every route action throttled to {qps} calls/s, batch {batch}");
        Console.WriteLine($"calls made: {counts.Values.Sum()} ({string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"))}); {throttled} answered Throttling.User");
        Console.WriteLine($"wall time: {wall.TotalSeconds:F1} s; lower bound {lowerBound.TotalSeconds:F1} s ({creates} CreateRouteEntries at {qps}/s)");
        Console.WriteLine($"ratio: {wall / lowerBound:F2} (target <= 1.25)");
    }

    /// <summary>The watcher's cache, frozen: the nodes do not change during the run.</summary>
    private sealed class StaticClusterCache(IReadOnlyList<V1Node> nodes) : IClusterCache
    {
        public bool HasSynced => true;

        public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public V1Service? GetService(string @namespace, string name) => null;

        public IReadOnlyList<V1Service> ListServices() => [];

        public IReadOnlyList<V1EndpointSlice> GetEndpointSlices(string @namespace, string serviceName) => [];

        public V1Node? GetNode(string name) => nodes.FirstOrDefault(n => n.Metadata.Name == name);

        public IReadOnlyList<V1Node> ListNodes() => nodes;
    }
}
