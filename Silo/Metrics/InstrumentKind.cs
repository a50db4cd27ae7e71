using System.Diagnostics.Metrics;

namespace Ccm.Silo.Metrics;

/// <summary>How an instrument's measurements aggregate, and so which Prometheus type it becomes.</summary>
public enum InstrumentKind
{
    /// <summary>Counter, ObservableCounter: a monotonic sum (Prometheus <c>counter</c>).</summary>
    Counter,

    /// <summary>UpDownCounter, ObservableUpDownCounter: a sum that goes both ways (Prometheus <c>gauge</c>).</summary>
    UpDownCounter,

    /// <summary>Gauge, ObservableGauge: the last value (Prometheus <c>gauge</c>).</summary>
    Gauge,

    /// <summary>Histogram: bucket counts, sum and count (Prometheus <c>histogram</c>).</summary>
    Histogram,
}

internal static class InstrumentKinds
{
    public static InstrumentKind? Of(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? InstrumentKind.Counter
            : definition == typeof(UpDownCounter<>) || definition == typeof(ObservableUpDownCounter<>) ? InstrumentKind.UpDownCounter
            : definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>) ? InstrumentKind.Gauge
            : definition == typeof(Histogram<>) ? InstrumentKind.Histogram
            : null;
    }
}
