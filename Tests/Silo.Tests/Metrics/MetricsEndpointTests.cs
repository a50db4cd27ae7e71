using System.Diagnostics.Metrics;
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

        var scrape = await Scrape.FromAsync(silo);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scrape.ContentType);

        var counter = scrape["ccm_runtime_turns_total"];
        Assert.Equal(("counter", "Turns run."), (counter.Type, counter.Help));
        Assert.Equal(5, counter.Series(("grain_type", "ServiceGrain")).Value);
        Assert.Equal(1, counter.Series(("grain_type", "Node\"Grain\\\n")).Value);

        Assert.Equal(("gauge", 3d), (scrape["ccm_runtime_signals_pending"].Type, Assert.Single(scrape["ccm_runtime_signals_pending"].Data).Value));
        Assert.Equal(("gauge", 6d), (scrape["ccm_runtime_shards_held"].Type, Assert.Single(scrape["ccm_runtime_shards_held"].Data).Value));
        Assert.Equal(7, scrape["ccm_runtime_grains"].Series(("grain_type", "ServiceGrain")).Value);

        // Seconds without advice get 5 ms..10 s buckets (the SDK's own default is meant for milliseconds).
        var histogram = scrape["ccm_runtime_turn_duration_seconds"];
        Assert.Equal("histogram", histogram.Type);
        Assert.Contains("Turn latency.", histogram.Help, StringComparison.Ordinal);
        var series = Assert.Single(histogram.Data);
        Assert.Equal([.. MetricViews.SecondsBuckets, double.PositiveInfinity], series.Bounds);
        Assert.Equal((1d, 1d, 2d, 2d, 3d), (series.Buckets!["0.005"], series.Buckets["0.1"], series.Buckets["0.25"], series.Buckets["10"], series.Buckets["+Inf"]));
        Assert.Equal(3, series.Count);
        Assert.Equal(42.203, series.Sum!.Value, 6);

        Assert.Equal(1, scrape["ccm_silo_build_info"].Series(("silo", "test-silo")).Value);
        Assert.True(Assert.Single(scrape["dotnet_assembly_count"].Data).Value > 0, "the runtime's own meter is exported");
        var served = (await Scrape.FromAsync(silo))["http_server_request_duration_seconds"]; // the first scrape was a request too
        Assert.Equal(1, served.Series(("http_route", "/metrics"), ("http_response_status_code", "200")).Count);
        Assert.Contains("kestrel_active_connections", scrape.Families.Keys);
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

        var buckets = Assert.Single((await Scrape.FromAsync(silo))["ccm_cloud_call_duration_milliseconds"].Data).Buckets!;
        Assert.Equal([(10, 2d), (100, 3d), (1000, 4d), (double.PositiveInfinity, 5d)], buckets.Select(b => (ScrapedSeries.Bound(b.Key), b.Value)).Order());
    }

    [Fact]
    public async Task An_observable_series_no_longer_reported_disappears()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var held = new List<string> { "shard-1", "shard-2" };
        silo.Service<IMeterFactory>().Create("Ccm.Runtime").CreateObservableGauge("ccm.runtime.shard.held", () => held.Select(s => new Measurement<int>(1, new KeyValuePair<string, object?>("shard", s))));

        Assert.Equal(2, (await Scrape.FromAsync(silo))["ccm_runtime_shard_held"].Data.Count);
        held.RemoveAt(0);
        Assert.Equal("shard-2", Assert.Single((await Scrape.FromAsync(silo))["ccm_runtime_shard_held"].Data).Labels["shard"]);
    }

    [Fact]
    public async Task Another_silo_in_the_same_process_keeps_its_numbers()
    {
        await using var first = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        await using var second = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        first.Service<IMeterFactory>().Create("Ccm.Runtime").CreateCounter<int>("ccm.runtime.turns").Add(10);
        second.Service<IMeterFactory>().Create("Ccm.Runtime").CreateCounter<int>("ccm.runtime.turns").Add(1);

        Assert.Equal(10, Assert.Single((await Scrape.FromAsync(first))["ccm_runtime_turns_total"].Data).Value);
        Assert.Equal(1, Assert.Single((await Scrape.FromAsync(second))["ccm_runtime_turns_total"].Data).Value);
    }

    [Fact]
    public async Task Label_sets_beyond_the_cap_are_folded_into_one_overflow_series()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var counter = silo.Service<IMeterFactory>().Create("Ccm.Test").CreateCounter<int>("ccm.test.requests");
        var sets = MetricViews.MaxLabelSetsPerInstrument + 20;
        for (var i = 0; i < sets; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        var family = (await Scrape.FromAsync(silo))["ccm_test_requests_total"];
        Assert.Equal(MetricViews.MaxLabelSetsPerInstrument + 1, family.Data.Count);
        var overflow = family.Series(("otel_metric_overflow", "true"));
        Assert.Equal(sets, family.Data.Sum(s => s.Value));
        Assert.True(overflow.Value >= 20);
    }

    [Fact]
    public async Task A_scraper_that_asks_for_OpenMetrics_gets_it()
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        silo.Service<IMeterFactory>().Create("Ccm.Runtime").CreateCounter<int>("ccm.runtime.turns").Add(4);

        var scrape = await Scrape.FromAsync(silo, Scrape.OpenMetrics);
        Assert.StartsWith("application/openmetrics-text", scrape.ContentType, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", scrape.Text, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(scrape["ccm_runtime_turns_total"].Data).Value);
    }
}
