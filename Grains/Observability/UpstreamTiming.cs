using System.Diagnostics.Metrics;

namespace Ccm.Grains.Observability;

/// <summary>Records the time from its creation to its disposal into one upstream histogram, in whole milliseconds.</summary>
public readonly struct UpstreamTiming : IDisposable
{
    private readonly Histogram<double> histogram;
    private readonly TimeProvider time;
    private readonly KeyValuePair<string, object?>[] tags;
    private readonly long started;

    internal UpstreamTiming(Histogram<double> histogram, TimeProvider time, KeyValuePair<string, object?>[] tags)
    {
        this.histogram = histogram;
        this.time = time;
        this.tags = tags;
        started = time.GetTimestamp();
    }

    public void Dispose() => histogram?.Record(WholeMilliseconds(time.GetElapsedTime(started)), tags);

    internal static double WholeMilliseconds(TimeSpan elapsed) => Math.Floor(elapsed.TotalMilliseconds);
}
