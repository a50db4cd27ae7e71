using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>One measurement as an instrument reported it.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

/// <summary>Every measurement of one meter made by one <see cref="IMeterFactory"/>, as it happens.</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> measurements = new();

    public RecordedMeasurements(IMeterFactory factory, string meterName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. measurements.Where(m => m.Instrument == instrument)];

    /// <summary>The measurements of <paramref name="instrument"/> as (tag values in <paramref name="tags"/> order, value).</summary>
    public IReadOnlyList<(string Labels, double Value)> Of(string instrument, params string[] tags) =>
        [.. Of(instrument).Select(m => (string.Join(",", tags.Select(t => m.Tags.GetValueOrDefault(t))), m.Value))];

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, map));
    }
}
