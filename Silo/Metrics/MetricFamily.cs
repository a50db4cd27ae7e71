using System.Collections.Immutable;

namespace Ccm.Silo.Metrics;

/// <summary>One line of exposition: a sample name (with <c>_bucket</c>/<c>_sum</c>/<c>_count</c> for histograms), labels, value.</summary>
public sealed record MetricSample(string Name, ImmutableArray<KeyValuePair<string, string>> Labels, double Value);

/// <summary>A metric family: its name, Prometheus type (<c>counter</c>, <c>gauge</c>, <c>histogram</c>), help and samples.</summary>
public sealed record MetricFamily(string Name, string Type, string Help, ImmutableArray<MetricSample> Samples);
