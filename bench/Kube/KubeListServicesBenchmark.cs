using System.Diagnostics;
using System.Globalization;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Bench.Kube;

/// <summary>
/// The informer's first step at scale: list 10,000 Services from the emulator over HTTP with the official client (pages
/// of 500, the client-side QPS limit off) into its V1Service models. Target: under 1 s.
/// </summary>
public sealed class KubeListServicesBenchmark : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public string Name => "kube-list-services";

    public string Description => "time to list 10,000 Services from the Kubernetes emulator into typed models (target < 1 s) [count]";

    public IReadOnlyList<string> SmokeArgs => ["500"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        // The client-side QPS limit is off: five back-to-back runs would otherwise drain the burst and measure the
        // limiter (20 QPS) instead of the list.
        await using var cluster = await KubeBenchCluster.StartAsync(historySize: count + 1_000, new KubeClientOptions { Qps = 0 });
        var existing = (await cluster.Kube.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken)).Items.Count; // the "kubernetes" Service
        for (var i = 0; i < count; i++)
        {
            cluster.Emulator.Objects.Create(KubeBenchCluster.ServiceJson($"svc-{i:D5}", i));
        }

        // Warm up JIT, connections and the emulator's caches, then take the best and the median of five.
        await ListPagesAsync(cluster.Kube, cancellationToken);
        var paged = await TimeAsync(() => ListPagesAsync(cluster.Kube, cancellationToken), existing + count);
        var whole = await TimeAsync(async () => (await cluster.Kube.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken)).Items.Count, existing + count);

        Print($"paged list of {count} Services (limit 500)", paged);
        Print($"single list of {count} Services (no limit)", whole);
        await PrintDecodeShareAsync(cluster.Kube, count, cancellationToken);
        return 0;
    }

    /// <summary>Every page of 500, as the informer's reflector lists; returns how many Services came.</summary>
    private static async Task<int> ListPagesAsync(IKubernetes kube, CancellationToken cancellationToken)
    {
        var listed = 0;
        string? next = null;
        do
        {
            var page = await kube.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: next, limit: 500, cancellationToken: cancellationToken);
            listed += page.Items.Count;
            next = page.Metadata.ContinueProperty is { Length: > 0 } token ? token : null;
        }
        while (next is not null);

        return listed;
    }

    private static async Task<List<TimeSpan>> TimeAsync(Func<Task<int>> list, int expected)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var listed = await list();
            times.Add(Stopwatch.GetElapsedTime(started));
            if (listed != expected)
            {
                throw new InvalidOperationException($"listed {listed} Services, expected {expected}");
            }
        }

        times.Sort();
        return times;
    }

    /// <summary>
    /// How much of a list is the client's decoding: the same list, serialized again in memory, decoded alone (after one
    /// warm-up decode), so neither the server nor the connection is in the figure.
    /// </summary>
    private static async Task PrintDecodeShareAsync(IKubernetes kube, int count, CancellationToken cancellationToken)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(KubernetesJson.Serialize(await kube.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken)));
        _ = KubernetesJson.Deserialize<V1ServiceList>(new MemoryStream(body));
        var times = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = KubernetesJson.Deserialize<V1ServiceList>(new MemoryStream(body));
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
