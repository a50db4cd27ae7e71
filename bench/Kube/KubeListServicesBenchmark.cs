using System.Diagnostics;
using System.Globalization;
using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Bench.Kube;

/// <summary>
/// The informer's first step at scale: list 10,000 Services from the emulator over HTTP (pages of 500, the client's
/// client-side QPS limit off) into typed models. Target: under 1 s.
/// </summary>
public sealed class KubeListServicesBenchmark : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public string Name => "kube-list-services";

    public string Description => "time to list 10,000 Services from the Kubernetes emulator into typed models (target < 1 s) [count]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        // The client-side QPS limit is off: five back-to-back runs would otherwise drain the burst and measure the
        // limiter (20 QPS) instead of the list.
        await using var cluster = await KubeBenchCluster.StartAsync(historySize: count + 1_000, new KubeApiOptions { Qps = 0 });
        var existing = (await cluster.Api.ListAsync<Service>(null, cancellationToken: cancellationToken)).Items.Count; // the "kubernetes" Service
        for (var i = 0; i < count; i++)
        {
            cluster.Emulator.Objects.Create(KubeBenchCluster.ServiceJson($"svc-{i:D5}", i));
        }

        // Warm up JIT, connections and the emulator's caches, then take the best and the median of five.
        await cluster.Api.ListAllAsync<Service>(null, cancellationToken: cancellationToken);
        var paged = await TimeAsync(() => cluster.Api.ListAllAsync<Service>(null, new ListOptions { Limit = 500 }, cancellationToken), existing + count);
        var whole = await TimeAsync(() => cluster.Api.ListAsync<Service>(null, new ListOptions(), cancellationToken), existing + count);

        Print($"paged list of {count} Services (limit 500)", paged);
        Print($"single list of {count} Services (no limit)", whole);
        PrintDecodeShare(cluster, count);
        return 0;
    }

    private static async Task<List<TimeSpan>> TimeAsync(Func<Task<KubeList<Service>>> list, int expected)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await list();
            times.Add(Stopwatch.GetElapsedTime(started));
            if (result.Items.Count != expected)
            {
                throw new InvalidOperationException($"listed {result.Items.Count} Services, expected {expected}");
            }
        }

        times.Sort();
        return times;
    }

    /// <summary>How much of a list is the client's decoding: the same body, already in memory, decoded alone.</summary>
    private static void PrintDecodeShare(KubeBenchCluster cluster, int count)
    {
        using var http = cluster.Emulator.CreateHttpClient();
        var body = http.GetByteArrayAsync("/api/v1/services").GetAwaiter().GetResult();
        var times = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = System.Text.Json.JsonSerializer.Deserialize(body, Service.ListJsonTypeInfo);
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"of which decoding {count} Services ({body.Length / 1024} KiB) in the client: median {times[2].TotalMilliseconds:F0} ms"));
    }

    private static void Print(string what, List<TimeSpan> times)
    {
        var best = times[0];
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: best {best.TotalMilliseconds:F0} ms, median {median.TotalMilliseconds:F0} ms; target < {Target.TotalMilliseconds:F0} ms; ratio target/median = {Target / median:F2}x"));
    }
}
