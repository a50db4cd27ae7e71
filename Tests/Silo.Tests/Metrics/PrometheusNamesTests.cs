using Ccm.Silo.Metrics;

namespace Ccm.Silo.Tests.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("ccm.runtime.turns", null, InstrumentKind.Counter, "ccm_runtime_turns_total")]
    [InlineData("ccm.runtime.turns_total", null, InstrumentKind.Counter, "ccm_runtime_turns_total")]
    [InlineData("ccm.turn.duration", "s", InstrumentKind.Histogram, "ccm_turn_duration_seconds")]
    [InlineData("ccm.call.duration", "ms", InstrumentKind.Histogram, "ccm_call_duration_milliseconds")]
    [InlineData("ccm.cache.size", "By", InstrumentKind.Gauge, "ccm_cache_size_bytes")]
    [InlineData("ccm.cache.size_bytes", "By", InstrumentKind.Gauge, "ccm_cache_size_bytes")]
    [InlineData("ccm.grains", "{grain}", InstrumentKind.UpDownCounter, "ccm_grains")]
    [InlineData("ccm-silo/ready%", null, InstrumentKind.Gauge, "ccm_silo_ready_")]
    [InlineData("2xx.responses", null, InstrumentKind.Counter, "_2xx_responses_total")]
    [InlineData("ns:metric", null, InstrumentKind.Gauge, "ns:metric")]
    public void Turns_instrument_names_into_metric_names(string instrument, string? unit, InstrumentKind kind, string expected)
    {
        Assert.Equal(expected, PrometheusNames.MetricName(instrument, unit, kind));
    }

    [Theory]
    [InlineData("grain.type", "grain_type")]
    [InlineData("http.route", "http_route")]
    [InlineData("1st", "_1st")]
    [InlineData("a:b", "a_b")]
    public void Label_names_are_letters_digits_and_underscores(string tag, string expected)
    {
        Assert.Equal(expected, PrometheusNames.LabelName(tag));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("quote\"d", "quote\\\"d")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("new\nline", "new\\nline")]
    public void Label_values_are_escaped(string value, string expected)
    {
        Assert.Equal(expected, PrometheusNames.EscapeLabelValue(value));
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1E+21")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Values_use_the_formats_Prometheus_reads(double value, string expected)
    {
        Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));
    }
}
