using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime;
using Ccm.Grains.Cluster;
using Ccm.Kube.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Bench.Kube;

/// <summary>
/// The measured process of <see cref="KubeCacheFootprintBenchmark"/>: the client the silo builds (kubeconfig, default
/// QPS) and the silo's <see cref="InformerClusterCache"/>, nothing else. Prints one <c>result</c> line.
/// </summary>
internal static class FootprintProcess
{
    public const string Role = "--measure";

    public static async Task<int> RunAsync(string kubeconfig, CancellationToken cancellationToken)
    {
        using var kube = KubeClientFactory.Create(KubeConnection.Load(kubeconfig, null), new KubeClientOptions());
        using var meters = new PlainMeterFactory();
        var (baselineRss, baselineHeap) = Collect();

        var started = Stopwatch.GetTimestamp();
        await using var cache = new InformerClusterCache(kube, NullLoggerFactory.Instance, meters, TimeProvider.System);
        cache.Start();
        await cache.WaitForSyncAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        var sync = Stopwatch.GetElapsedTime(started);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // the watches are open and quiet
        var (rss, heap) = Collect();

        Console.WriteLine(new FootprintResult(rss, heap, baselineRss, baselineHeap, cache.ListServices().Count, cache.ListNodes().Count, sync).Line());
        GC.KeepAlive(cache);
        return 0;
    }

    /// <summary>Full, blocking, compacting collections (large objects too), then the process's RSS and live managed bytes.</summary>
    private static (long Rss, long Heap) Collect()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    private sealed class PlainMeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() => meters.ForEach(m => m.Dispose());
    }
}

/// <summary>One measurement: RSS and managed heap with the cache synced, and before the informers started.</summary>
internal sealed record FootprintResult(long Rss, long Heap, long BaselineRss, long BaselineHeap, int Services, int Nodes, TimeSpan Sync)
{
    public static FootprintResult Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => f.Split('=')).ToDictionary(p => p[0], p => p[1]);
        long L(string key) => long.Parse(fields[key], CultureInfo.InvariantCulture);
        return new FootprintResult(L("rss"), L("heap"), L("baselineRss"), L("baselineHeap"), (int)L("services"), (int)L("nodes"), TimeSpan.FromMilliseconds(L("syncMs")));
    }

    /// <summary>The <c>result</c> line the measuring process prints.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"result rss={Rss} heap={Heap} baselineRss={BaselineRss} baselineHeap={BaselineHeap} services={Services} nodes={Nodes} syncMs={(long)Sync.TotalMilliseconds}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RSS {FootprintObjects.Format(Rss)} heap {FootprintObjects.Format(Heap)} ({Services} Services, {Nodes} Nodes synced in {Sync.TotalSeconds:F1} s)");
}
