using System.Text.RegularExpressions;
using Ccm.Silo.Tests.Support;
using Ccm.TestSupport;

namespace Ccm.Silo.Tests.Metrics;

/// <summary>
/// The real executable in <c>--sandbox</c> (Orleans, the grains, both emulators, the demo's nodes, route tables and
/// LoadBalancer Service), scraped as Prometheus scrapes it and read by a real text-format parser.
/// </summary>
public sealed partial class SiloScrapeTests
{
    [Fact]
    public async Task A_running_silo_exports_Orleans_ours_and_upstreams_series()
    {
        await using var silo = BackgroundProcess.Start("dotnet",
            [TestFiles.SiloAssembly, "--sandbox", "--metrics-bind-addr=127.0.0.1:0", "--health-probe-bind-addr=127.0.0.1:0", "--dashboard-bind-addr=0"]);
        var banner = await silo.WaitForLineAsync(l => l.Contains("  metrics ", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        var url = new Uri(MetricsUrl().Match(banner).Groups["url"].Value);
        using var http = new HttpClient();

        // The demo converges: its node is initialized, its routes created, its Service gets a load balancer.
        var scrape = await Eventually.ValueAsync(
            () => Scrape.FromAsync(http, url),
            s => Has(s, "ccm_slb_operation_result", ("verb", "Creation"), ("status", "Success"))
                && Has(s, "ccm_route_latencies_duration_milliseconds", ("verb", "create"))
                && Has(s, "ccm_node_latencies_duration_milliseconds", ("verb", "remove_taint"))
                && Has(s, "kube_client_watch_events_total", ("resource", "services")),
            "the sandbox's demo converges", TimeSpan.FromSeconds(120));

        // Orleans' meter.
        Assert.Contains(scrape["orleans_grains"].Data, s => s.Labels.GetValueOrDefault("grain_type")?.Contains("ccm-service", StringComparison.Ordinal) == true);
        Assert.Equal("histogram", scrape["orleans_app_requests_latency_milliseconds"].Type);

        // Ours: cloud calls by product and action with latency, grain turns, watch events, Kubernetes calls.
        Assert.Equal(1, scrape["ccm_cloud_requests_total"].Series(("product", "SLB"), ("action", "CreateLoadBalancer")).Value);
        Assert.Equal(1, scrape["ccm_cloud_request_duration_seconds"].Series(("product", "SLB"), ("action", "CreateLoadBalancer")).Count);
        Assert.Contains(scrape["ccm_grain_turns_total"].Data, s => s.Labels["grain_type"] == "service" && s.Labels["turn_result"] == "succeeded");
        Assert.True(scrape["kube_client_requests_total"].Series(("verb", "list"), ("resource", "services"), ("code", "200")).Value >= 1);
        Assert.Equal("histogram", scrape["kube_client_request_duration_seconds"].Type);
        Assert.Contains("dotnet_gc_collections_total", scrape.Families.Keys);

        // Upstream's four, with upstream's label names.
        Assert.All(scrape["ccm_node_latencies_duration_milliseconds"].Data, s => Assert.Equal(["verb"], s.Labels.Keys));
        Assert.All(scrape["ccm_route_latencies_duration_milliseconds"].Data, s => Assert.Equal(["verb"], s.Labels.Keys));
        var slb = scrape["ccm_slb_latencies_duration_milliseconds"].Series(("type", "CLBType"), ("verb", "Creation"));
        Assert.Equal(["type", "verb"], slb.Labels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, slb.Count);
        var created = scrape["ccm_slb_operation_result"].Series(("type", "CLBType"), ("verb", "Creation"), ("status", "Success"));
        Assert.Equal(["status", "type", "verb"], created.Labels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, created.Value);
    }

    private static bool Has(Scrape scrape, string family, params (string Name, string Value)[] labels) =>
        scrape.Families.TryGetValue(family, out var found) && found.Data.Any(s => labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value));

    [GeneratedRegex("metrics +(?<url>http://127\\.0\\.0\\.1:\\d+/)metrics")]
    private static partial Regex MetricsUrl();
}
