using System.Diagnostics.Metrics;
using Ccm.Silo.Hosting;
using Ccm.Silo.Metrics;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Metrics;

public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Exposes_every_instrument_kind_in_the_text_format()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var meter = silo.Service<IMeterFactory>().Create("Ccm.Runtime");
        var turns = meter.CreateCounter<long>("ccm.runtime.turns", description: "Turns run.");
        var pending = meter.CreateUpDownCounter<int>("ccm.runtime.signals.pending");
        var shards = meter.CreateGauge<int>("ccm.runtime.shards.held");
        var latency = meter.CreateHistogram<double>("ccm.runtime.turn.duration", unit: "s", description: "Turn latency.\nPer grain type.");
        meter.CreateObservableGauge("ccm.runtime.grains", () => new Measurement<int>(7, new KeyValuePair<string, object?>("grain_type", "ServiceGrain")));

        turns.Add(3, new KeyValuePair<string, object?>("grain.type", "ServiceGrain"));
        turns.Add(2, new KeyValuePair<string, object?>("grain.type", "ServiceGrain"));
        turns.Add(1, new KeyValuePair<string, object?>("grain.type", "Node\"Grain\\\n"));
        pending.Add(5);
        pending.Add(-2);
        shards.Record(4);
        shards.Record(6);
        latency.Record(0.003);
        latency.Record(0.2);
        latency.Record(42);

        using var response = await silo.GetAsync(ListenerRoles.Metrics, "/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("counter", text.Types["ccm_runtime_turns_total"]);
        Assert.Equal("Turns run.", text.Help["ccm_runtime_turns_total"]);
        Assert.Equal(5, Sample(text, "ccm_runtime_turns_total", ("grain_type", "ServiceGrain")));
        Assert.Equal(1, Sample(text, "ccm_runtime_turns_total", ("grain_type", "Node\"Grain\\\n")));

        Assert.Equal("gauge", text.Types["ccm_runtime_signals_pending"]);
        Assert.Equal(3, Sample(text, "ccm_runtime_signals_pending"));
        Assert.Equal("gauge", text.Types["ccm_runtime_shards_held"]);
        Assert.Equal(6, Sample(text, "ccm_runtime_shards_held"));
        Assert.Equal(7, Sample(text, "ccm_runtime_grains", ("grain_type", "ServiceGrain")));

        Assert.Equal("histogram", text.Types["ccm_runtime_turn_duration_seconds"]);
        Assert.Equal("Turn latency.\\nPer grain type.", text.Help["ccm_runtime_turn_duration_seconds"]);
        Assert.Equal(1, Sample(text, "ccm_runtime_turn_duration_seconds_bucket", ("le", "0.005")));
        Assert.Equal(1, Sample(text, "ccm_runtime_turn_duration_seconds_bucket", ("le", "0.1")));
        Assert.Equal(2, Sample(text, "ccm_runtime_turn_duration_seconds_bucket", ("le", "0.25")));
        Assert.Equal(2, Sample(text, "ccm_runtime_turn_duration_seconds_bucket", ("le", "10")));
        Assert.Equal(3, Sample(text, "ccm_runtime_turn_duration_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(3, Sample(text, "ccm_runtime_turn_duration_seconds_count"));
        Assert.Equal(42.203, Sample(text, "ccm_runtime_turn_duration_seconds_sum"), 6);

        Assert.Equal(1, Sample(text, "ccm_silo_build_info", ("silo", "test-silo")));
        Assert.True(Sample(text, "dotnet_assembly_count") > 0, "the runtime's own meter is exported");
    }

    [Fact]
    public async Task Histogram_buckets_are_cumulative_and_follow_the_advice()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var meter = silo.Service<IMeterFactory>().Create("Ccm.Cloud");
        var calls = meter.CreateHistogram("ccm.cloud.call.duration", unit: "ms", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [10, 100, 1000] });
        foreach (var value in new[] { 5, 10, 11, 500, 5000 })
        {
            calls.Record(value);
        }

        var text = PrometheusText.Parse(await (await silo.GetAsync(ListenerRoles.Metrics, "/metrics")).Content.ReadAsStringAsync());
        var buckets = text.Family("ccm_cloud_call_duration_milliseconds").Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => (s.Labels["le"], s.Value));
        Assert.Equal([("10", 2d), ("100", 3d), ("1000", 4d), ("+Inf", 5d)], buckets);
    }

    [Fact]
    public async Task An_observable_series_no_longer_reported_disappears()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var held = new List<string> { "shard-1", "shard-2" };
        silo.Service<IMeterFactory>().Create("Ccm.Runtime").CreateObservableGauge("ccm.runtime.shard.held", () => held.Select(s => new Measurement<int>(1, new KeyValuePair<string, object?>("shard", s))));

        Assert.Equal(2, (await ScrapeAsync(silo)).Family("ccm_runtime_shard_held").Count());
        held.RemoveAt(0);
        Assert.Equal("shard-2", Assert.Single((await ScrapeAsync(silo)).Family("ccm_runtime_shard_held")).Labels["shard"]);
    }

    [Fact]
    public async Task Another_silo_in_the_same_process_keeps_its_numbers()
    {
        await using var first = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        await using var second = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        first.Service<IMeterFactory>().Create("Ccm.Runtime").CreateCounter<int>("ccm.runtime.turns").Add(10);
        second.Service<IMeterFactory>().Create("Ccm.Runtime").CreateCounter<int>("ccm.runtime.turns").Add(1);

        Assert.Equal(10, Sample(await ScrapeAsync(first), "ccm_runtime_turns_total"));
        Assert.Equal(1, Sample(await ScrapeAsync(second), "ccm_runtime_turns_total"));
    }

    [Fact]
    public void Label_sets_beyond_the_cap_are_dropped_and_counted()
    {
        using var factory = new TestMeterFactory();
        using var collector = new MetricsCollector(factory);
        var counter = factory.Create("Ccm.Test").CreateCounter<int>("ccm.test.requests");
        for (var i = 0; i < 2005; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        var families = collector.Collect();
        Assert.Equal(2000, families.Single(f => f.Name == "ccm_test_requests_total").Samples.Length);
        Assert.Equal(5, families.Single(f => f.Name == "ccm_metrics_series_dropped_total").Samples.Single().Value);
    }

    private static async Task<PrometheusText> ScrapeAsync(TestSilo silo)
    {
        using var response = await silo.GetAsync(ListenerRoles.Metrics, "/metrics");
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double Sample(PrometheusText text, string name, params (string Name, string Value)[] labels) =>
        text.Samples.Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value)).Value;

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() => meters.ForEach(m => m.Dispose());
    }
}
