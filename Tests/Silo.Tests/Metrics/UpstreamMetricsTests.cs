using System.Diagnostics.Metrics;
using Ccm.Grains.Observability;
using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>
/// Upstream's four series as its users query them (<c>pkg/util/metric/metrics.go</c>): the same names, label names and
/// values, and buckets, whichever exposition format Prometheus negotiates.
/// </summary>
public sealed class UpstreamMetricsTests : IDisposable
{
    private static readonly double[] UpstreamBuckets =
        [500, 700, 1000, 1500, 2000, 3000, 4000, 5000, 7000, 8000, 9000, 10000, 30000, 60000, 100000, 150000, 200000, 300000, 600000, 700000, 800000,
         double.PositiveInfinity];

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData(Scrape.OpenMetrics)]
    public async Task Upstream_names_labels_and_buckets_survive_the_exporter(string? accept)
    {
        await using var silo = await TestSilo.StartAsync(SiloTestOptions.Parse(files));
        var clock = new TestClock();
        var upstream = new UpstreamMetrics(silo.Service<IMeterFactory>(), clock);
        Time(upstream.NodeTurn(NodeVerb.RemoveTaint), clock, 1234.7);
        Time(upstream.NodeTurn(NodeVerb.Reconcile), clock, 600);
        Time(upstream.RouteCreate(), clock, 450);
        Time(upstream.RouteReconcile(), clock, 2500);
        upstream.SlbLatency(SlbVerb.Creation, TimeSpan.FromSeconds(42));
        upstream.SlbResult(SlbVerb.Creation, succeeded: true);
        upstream.SlbResult(SlbVerb.Update, succeeded: false);
        upstream.SlbResult(SlbVerb.Update, succeeded: false);

        var scrape = await Scrape.FromAsync(silo, accept);

        var node = scrape["ccm_node_latencies_duration_milliseconds"];
        Assert.Equal("histogram", node.Type);
        var removeTaint = node.Series(("verb", "remove_taint"));
        Assert.Equal(["verb"], removeTaint.Labels.Keys);
        Assert.Equal(UpstreamBuckets, removeTaint.Bounds); // OpenMetrics writes 500.0, the classic format 500
        Assert.Equal((0d, 1d, 1234d), (Bucket(removeTaint, 1000), Bucket(removeTaint, 1500), removeTaint.Sum!.Value));
        Assert.Equal(600, node.Series(("verb", "reconcile")).Sum);

        var route = scrape["ccm_route_latencies_duration_milliseconds"];
        Assert.Equal((1d, 450d), (Bucket(route.Series(("verb", "create")), 500), route.Series(("verb", "create")).Sum!.Value));
        Assert.Equal(2500, route.Series(("verb", "reconcile")).Sum);

        var slb = scrape["ccm_slb_latencies_duration_milliseconds"].Series(("type", "CLBType"), ("verb", "Creation"));
        Assert.Equal(["type", "verb"], slb.Labels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((0d, 1d), (Bucket(slb, 30000), Bucket(slb, 60000)));

        // No _total: OpenMetrics would force it onto a counter, so upstream's counter is exported as a gauge.
        Assert.DoesNotContain("ccm_slb_operation_result_total", scrape.Text, StringComparison.Ordinal);
        var results = scrape["ccm_slb_operation_result"];
        Assert.Equal("gauge", results.Type);
        Assert.Equal(1, results.Series(("type", "CLBType"), ("verb", "Creation"), ("status", "Success")).Value);
        Assert.Equal(2, results.Series(("type", "CLBType"), ("verb", "Update"), ("status", "Fail")).Value);
        Assert.All(results.Data, s => Assert.Equal(["status", "type", "verb"], s.Labels.Keys.Order(StringComparer.Ordinal)));
    }

    private static double Bucket(ScrapedSeries series, double le) => series.Buckets!.Single(b => ScrapedSeries.Bound(b.Key) == le).Value;

    private static void Time(UpstreamTiming timing, TestClock clock, double milliseconds)
    {
        using (timing)
        {
            clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        }
    }
}
