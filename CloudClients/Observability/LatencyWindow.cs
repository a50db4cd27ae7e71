namespace Ccm.CloudClients.Observability;

/// <summary>
/// Recent latencies of one action: a bounded ring of (time, latency), from which percentiles over the last
/// <c>window</c> are computed on demand. Bounded so a hot action cannot grow memory; the dashboard wants "recent",
/// not "all".
/// </summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly (DateTimeOffset At, TimeSpan Latency)[] ring = new (DateTimeOffset, TimeSpan)[capacity];
    private int next;
    private int count;

    public void Add(DateTimeOffset at, TimeSpan latency)
    {
        ring[next] = (at, latency);
        next = (next + 1) % ring.Length;
        count = Math.Min(count + 1, ring.Length);
    }

    /// <summary>Sorted latencies of samples no older than <paramref name="since"/>.</summary>
    public TimeSpan[] Since(DateTimeOffset since)
    {
        var result = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            if (ring[i].At >= since)
            {
                result.Add(ring[i].Latency);
            }
        }

        result.Sort();
        return [.. result];
    }

    /// <summary>Nearest-rank percentile of sorted values (zero when empty).</summary>
    public static TimeSpan Percentile(TimeSpan[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
