using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Ccm.Silo.Metrics;

/// <summary>
/// How this silo aggregates each exported instrument: only its own host's meters, buckets for second-valued histograms
/// that advise none, and a cap on label sets.
/// </summary>
public sealed class MetricViews(IMeterFactory host)
{
    /// <summary>
    /// Label sets kept per instrument; measurements with a new set beyond it are added to one more series, labelled
    /// <c>otel_metric_overflow="true"</c>. Every label we set comes from a fixed vocabulary (grain types, API actions,
    /// error codes, verbs, HTTP route templates), so nothing legitimate comes near this; reaching it means a label took
    /// an object's name or id, and the overflow series makes that visible instead of growing without bound. The SDK
    /// allocates a point for every set up front: the 147 streams this cap reaches took 5.3 MB of heap at 500, 2.1 MB at
    /// 200. The busiest instrument at 1,000 Services, a histogram, wrote 252 series: a few dozen label sets at most
    /// (bench/README.md "metrics-series").
    /// </summary>
    public const int MaxLabelSetsPerInstrument = 200;

    /// <summary>For histograms in seconds that advise none: 5 ms to 10 s (the SDK's default is meant for milliseconds).</summary>
    public static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <remarks>
    /// A meter made by another <see cref="IMeterFactory"/> belongs to another host in this process (tests and benchmarks
    /// run several silos in one); it is dropped so each silo's numbers stay its own. Meters made without a factory (the
    /// runtime's, Orleans') are the process's and are kept.
    /// </remarks>
    public MetricStreamConfiguration For(Instrument instrument) =>
        instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, host) ? MetricStreamConfiguration.Drop
        : IsHistogram(instrument, out var advised) && advised is null && instrument.Unit == "s"
            ? new ExplicitBucketHistogramConfiguration { Boundaries = [.. SecondsBuckets], CardinalityLimit = MaxLabelSetsPerInstrument }
            : new MetricStreamConfiguration { CardinalityLimit = MaxLabelSetsPerInstrument };

    private static bool IsHistogram(Instrument instrument, out object? advised)
    {
        advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries,
            _ => null,
        };
        return instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Histogram<>);
    }
}
