namespace Ccm.Grains.Reconcile;

/// <summary>
/// Recent turns for the dashboard: durations of the last <see cref="Capacity"/> turns (for percentiles) and
/// per-second counts over the last <see cref="RateSeconds"/> seconds (for turns/s). Bounded memory, thread-safe.
/// </summary>
public sealed class TurnWindow(TimeProvider time)
{
    public const int Capacity = 2048;
    public const int RateSeconds = 10;

    private readonly Lock gate = new();
    private readonly double[] durations = new double[Capacity];
    private readonly long[] secondOf = new long[RateSeconds + 1];
    private readonly int[] countIn = new int[RateSeconds + 1];
    private long recorded;

    public void Add(TimeSpan duration)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            durations[recorded++ % Capacity] = duration.TotalMilliseconds;
            var slot = (int)(second % secondOf.Length);
            if (secondOf[slot] != second)
            {
                secondOf[slot] = second;
                countIn[slot] = 0;
            }

            countIn[slot]++;
        }
    }

    /// <summary>Turns per second over the last complete <see cref="RateSeconds"/> seconds.</summary>
    public double PerSecond()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            var total = 0;
            for (var i = 0; i < secondOf.Length; i++)
            {
                if (secondOf[i] < now && secondOf[i] >= now - RateSeconds)
                {
                    total += countIn[i];
                }
            }

            return total / (double)RateSeconds;
        }
    }

    /// <summary>Latency percentiles (milliseconds) of the recent turns; zeros when there were none.</summary>
    public TurnLatency Latency()
    {
        double[] sorted;
        lock (gate)
        {
            sorted = [.. durations.AsSpan(0, (int)Math.Min(recorded, Capacity))];
        }

        if (sorted.Length == 0)
        {
            return new TurnLatency(0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return new TurnLatency(Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Turn latency in milliseconds over the recent turns.</summary>
public sealed record TurnLatency(double P50, double P90, double P99, double Max);
