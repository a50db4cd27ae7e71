using System.Diagnostics;
using System.Globalization;
using Ccm.Kube.Cache;
using Ccm.Kube.Watch;
using Ccm.Sandbox.Kube;
using k8s.Models;

namespace Ccm.Bench.Kube;

/// <summary>
/// Events per second one watch delivers from the emulator into an informer's cache (decoded, stored, indexed and
/// notified). Target: at least 5,000 events/s. Two measurements: <b>replay</b>, where the history is written first and
/// the informer catches up from an old version (the client's ceiling), and <b>live</b>, where a writer changes
/// Services while the informer follows (bounded by the writer too, whose own rate is printed beside it).
/// </summary>
public sealed class KubeWatchThroughputBenchmark : IBenchmark
{
    private const double Target = 5_000;

    public string Name => "kube-watch-throughput";

    public string Description => "events/s one watch delivers from the Kubernetes emulator to the informer cache (target >= 5,000) [events]";

    public IReadOnlyList<string> SmokeArgs => ["1000"];

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        const int services = 500;
        await using var cluster = await KubeBenchCluster.StartAsync(historySize: (3 * events) + services + 1_000);
        for (var i = 0; i < services; i++)
        {
            cluster.Emulator.Objects.Create(KubeBenchCluster.ServiceJson($"svc-{i:D4}", i));
        }

        var replayFrom = cluster.Emulator.ResourceVersion;
        var written = Write(cluster.Emulator, events, services);
        var replaying = new ReplayingListWatch<V1Service>(KubeListWatch.Services(cluster.Kube), replayFrom.ToString(CultureInfo.InvariantCulture));
        var replay = await MeasureAsync(replaying, events, replayFrom, writer: null, cancellationToken);
        Report("replay", events, replay, written);

        var liveFrom = cluster.Emulator.ResourceVersion;
        TimeSpan liveWriter = default;
        var live = await MeasureAsync(KubeListWatch.Services(cluster.Kube), events, liveFrom, () => liveWriter = Write(cluster.Emulator, events, services), cancellationToken);
        Report("live", events, live, liveWriter);
        return 0;
    }

    /// <summary>Patches the Services round-robin <paramref name="count"/> times, in-process; returns the writer's own time.</summary>
    private static TimeSpan Write(KubeEmulator emulator, int count, int services)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            emulator.Objects.Patch("services", "default", $"svc-{i % services:D4}", KubePatchType.Merge,
                "{\"metadata\":{\"annotations\":{\"bench/generation\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}}}");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Runs an informer until it has delivered <paramref name="expected"/> changes newer than <paramref name="after"/>;
    /// the clock starts with the informer (replay) or with the writer (live).
    /// </summary>
    private static async Task<TimeSpan> MeasureAsync(
        IListWatch<V1Service> source, int expected, long after, Action? writer, CancellationToken cancellationToken)
    {
        await using var informer = new Informer<V1Service>(source);
        var delivered = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        informer.Subscribe(change =>
        {
            if (long.Parse(change.Object.Metadata.ResourceVersion!, CultureInfo.InvariantCulture) > after
                && Interlocked.Increment(ref delivered) == expected)
            {
                done.TrySetResult();
            }
        });
        var started = Stopwatch.GetTimestamp();
        informer.Start();
        if (writer is not null)
        {
            await informer.WaitForSyncAsync(cancellationToken);
            started = Stopwatch.GetTimestamp();
            await Task.Run(writer, cancellationToken);
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    private static void Report(string mode, int events, TimeSpan elapsed, TimeSpan writer)
    {
        var rate = events / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {events} events in {elapsed.TotalMilliseconds:F0} ms = {rate:F0} events/s; target >= {Target:F0}; ratio = {rate / Target:F2}x" +
            $" (writer alone: {events / writer.TotalSeconds:F0} events/s)"));
    }
}
