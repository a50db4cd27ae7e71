using System.Collections.Immutable;

namespace Ccm.Silo.Metrics;

/// <summary>The aggregate of one instrument for one label set. Measurements arrive on any thread.</summary>
internal sealed class MetricSeries(ImmutableArray<KeyValuePair<string, string>> labels, ImmutableArray<double> bounds)
{
    private readonly Lock gate = new();
    private readonly long[] bucketCounts = new long[bounds.Length + 1];
    private double value;
    private double sum;
    private long count;

    public ImmutableArray<KeyValuePair<string, string>> Labels { get; } = labels;

    public void Add(double measurement)
    {
        lock (gate)
        {
            value += measurement;
        }
    }

    public void Set(double measurement)
    {
        lock (gate)
        {
            value = measurement;
        }
    }

    public void Observe(double measurement)
    {
        // Prometheus buckets are "less than or equal": the first bound not below the value.
        var index = bounds.Length;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (measurement <= bounds[i])
            {
                index = i;
                break;
            }
        }

        lock (gate)
        {
            bucketCounts[index]++;
            sum += measurement;
            count++;
        }
    }

    public double Value
    {
        get
        {
            lock (gate)
            {
                return value;
            }
        }
    }

    /// <summary>Cumulative bucket counts (one per bound, then +Inf), sum and count, read together.</summary>
    public (ImmutableArray<long> Cumulative, double Sum, long Count) Histogram()
    {
        lock (gate)
        {
            var cumulative = ImmutableArray.CreateBuilder<long>(bucketCounts.Length);
            long running = 0;
            foreach (var bucket in bucketCounts)
            {
                running += bucket;
                cumulative.Add(running);
            }

            return (cumulative.MoveToImmutable(), sum, count);
        }
    }
}
