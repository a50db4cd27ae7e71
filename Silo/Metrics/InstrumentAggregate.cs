using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Ccm.Silo.Metrics;

/// <summary>Every series of one instrument, keyed by its label set, with a cap so a runaway label cannot eat memory.</summary>
internal sealed class InstrumentAggregate(Instrument instrument, InstrumentKind kind, ImmutableArray<double> bounds)
{
    /// <summary>Series beyond this per instrument are dropped (and counted): a label with unbounded values is a bug.</summary>
    public const int MaxSeries = 2000;

    private readonly ConcurrentDictionary<string, MetricSeries> series = new(StringComparer.Ordinal);
    private long dropped;

    public Instrument Instrument { get; } = instrument;

    public InstrumentKind Kind { get; } = kind;

    public ImmutableArray<double> Bounds { get; } = bounds;

    public long DroppedSeries => Interlocked.Read(ref dropped);

    public IReadOnlyList<MetricSeries> Series => [.. series.Values];

    public void Record(double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var target = Find(tags);
        if (target is null)
        {
            return;
        }

        // Observable instruments report totals, synchronous counters report increments.
        switch (Kind)
        {
            case InstrumentKind.Histogram:
                target.Observe(measurement);
                break;
            case InstrumentKind.Gauge:
                target.Set(measurement);
                break;
            default:
                if (Instrument.IsObservable)
                {
                    target.Set(measurement);
                }
                else
                {
                    target.Add(measurement);
                }

                break;
        }
    }

    /// <summary>Observable instruments are re-read at every scrape; a label set they stop reporting must disappear.</summary>
    public void ResetObservable()
    {
        if (Instrument.IsObservable)
        {
            series.Clear();
        }
    }

    private MetricSeries? Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(new(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
        if (series.TryGetValue(key, out var existing))
        {
            return existing;
        }

        if (series.Count >= MaxSeries)
        {
            Interlocked.Increment(ref dropped);
            return null;
        }

        return series.GetOrAdd(key, _ => new MetricSeries(labels.ToImmutable(), Bounds));
    }
}
