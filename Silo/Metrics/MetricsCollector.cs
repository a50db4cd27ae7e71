using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Ccm.Silo.Metrics;

/// <summary>
/// Listens to System.Diagnostics.Metrics and keeps Prometheus-style aggregates: sums for counters, last values for
/// gauges, cumulative buckets for histograms. It takes the meters created through this host's
/// <see cref="IMeterFactory"/> (so two silos in one test process do not mix their numbers) and the process-wide
/// meters named in <see cref="SharedMeterPrefixes"/>.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>Meters not made by a factory that are still this process's business (the runtime's, ours made with <c>new Meter</c>).</summary>
    public static readonly IReadOnlyList<string> SharedMeterPrefixes = ["System.Runtime", "Ccm."];

    private static readonly ImmutableArray<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly ImmutableArray<double> MillisecondsBuckets = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
    private static readonly ImmutableArray<double> DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> aggregates = new();
    private readonly Lock scrape = new();
    private readonly IMeterFactory factory;

    public MetricsCollector(IMeterFactory factory)
    {
        this.factory = factory;
        listener.InstrumentPublished = OnInstrumentPublished;
        listener.MeasurementsCompleted = (instrument, _) => aggregates.TryRemove(instrument, out InstrumentAggregate? _);
        listener.SetMeasurementEventCallback<double>((i, m, t, s) => Record(s, m, t));
        listener.SetMeasurementEventCallback<float>((i, m, t, s) => Record(s, m, t));
        listener.SetMeasurementEventCallback<long>((i, m, t, s) => Record(s, m, t));
        listener.SetMeasurementEventCallback<int>((i, m, t, s) => Record(s, m, t));
        listener.SetMeasurementEventCallback<short>((i, m, t, s) => Record(s, m, t));
        listener.SetMeasurementEventCallback<byte>((i, m, t, s) => Record(s, m, t));
        listener.SetMeasurementEventCallback<decimal>((i, m, t, s) => Record(s, (double)m, t));
        listener.Start();
    }

    /// <summary>Reads the observable instruments and returns every family, sorted by name.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (scrape)
        {
            foreach (var aggregate in aggregates.Values)
            {
                aggregate.ResetObservable();
            }

            listener.RecordObservableInstruments();
            var families = aggregates.Values
                .Select(ToFamily)
                .GroupBy(f => f.Name, StringComparer.Ordinal)
                .Select(g => g.First() with { Samples = [.. g.Where(f => f.Type == g.First().Type).SelectMany(f => f.Samples)] })
                .Append(DroppedSeriesFamily())
                .OrderBy(f => f.Name, StringComparer.Ordinal);
            return [.. families];
        }
    }

    public void Dispose() => listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener meterListener)
    {
        var meter = instrument.Meter;
        var ours = meter.Scope == factory || (meter.Scope is null && SharedMeterPrefixes.Any(p => meter.Name.StartsWith(p, StringComparison.Ordinal)));
        if (ours && InstrumentKinds.Of(instrument) is { } kind)
        {
            var aggregate = new InstrumentAggregate(instrument, kind, kind == InstrumentKind.Histogram ? BucketsOf(instrument) : []);
            aggregates[instrument] = aggregate;
            meterListener.EnableMeasurementEvents(instrument, aggregate);
        }
    }

    private static void Record(object? state, double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        (state as InstrumentAggregate)?.Record(measurement, tags);

    /// <summary>Bucket bounds the instrument advises (.NET 9+ <c>InstrumentAdvice</c>), else defaults by unit.</summary>
    private static ImmutableArray<double> BucketsOf(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            _ => null,
        };
        return advised is not null ? [.. advised]
            : instrument.Unit == "s" ? SecondsBuckets
            : instrument.Unit == "ms" ? MillisecondsBuckets
            : DefaultBuckets;
    }

    private static MetricFamily ToFamily(InstrumentAggregate aggregate)
    {
        var instrument = aggregate.Instrument;
        var name = PrometheusNames.MetricName(instrument.Name, instrument.Unit, aggregate.Kind);
        var help = instrument.Description ?? instrument.Name;
        var samples = ImmutableArray.CreateBuilder<MetricSample>();
        foreach (var series in aggregate.Series.OrderBy(s => string.Join(",", s.Labels), StringComparer.Ordinal))
        {
            var labels = series.Labels.Select(l => new KeyValuePair<string, string>(PrometheusNames.LabelName(l.Key), l.Value)).ToImmutableArray();
            if (aggregate.Kind != InstrumentKind.Histogram)
            {
                samples.Add(new MetricSample(name, labels, series.Value));
                continue;
            }

            var (cumulative, sum, count) = series.Histogram();
            for (var i = 0; i < aggregate.Bounds.Length; i++)
            {
                samples.Add(new MetricSample(name + "_bucket", labels.Add(new("le", aggregate.Bounds[i].ToString(CultureInfo.InvariantCulture))), cumulative[i]));
            }

            samples.Add(new MetricSample(name + "_bucket", labels.Add(new("le", "+Inf")), cumulative[^1]));
            samples.Add(new MetricSample(name + "_sum", labels, sum));
            samples.Add(new MetricSample(name + "_count", labels, count));
        }

        var type = aggregate.Kind switch
        {
            InstrumentKind.Counter => "counter",
            InstrumentKind.Histogram => "histogram",
            _ => "gauge",
        };
        return new MetricFamily(name, type, help, samples.ToImmutable());
    }

    private MetricFamily DroppedSeriesFamily() => new(
        "ccm_metrics_series_dropped_total",
        "counter",
        $"Measurements dropped because an instrument already had {InstrumentAggregate.MaxSeries} label sets.",
        [new MetricSample("ccm_metrics_series_dropped_total", [], aggregates.Values.Sum(a => a.DroppedSeries))]);
}
