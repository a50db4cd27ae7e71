namespace Ccm.Chart.Tests;

/// <summary>
/// How a Prometheus finds every silo's /metrics: pod annotations by default, a ServiceMonitor on request, both through
/// the port the silo really serves metrics on.
/// </summary>
public sealed class MetricsScrapeTests
{
    [Fact]
    public async Task Default_annotates_the_silo_pods_and_renders_no_service_monitor()
    {
        var chart = await ChartRenderer.RenderAsync();
        var annotations = chart.StatefulSet["spec"]!["template"]!["metadata"]!["annotations"]!;

        Assert.Equal("true", (string?)annotations["prometheus.io/scrape"]);
        Assert.Equal("8080", (string?)annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", (string?)annotations["prometheus.io/path"]);
        Assert.False(chart.Has("ServiceMonitor"));
    }

    [Fact]
    public async Task Metrics_off_renders_neither_annotations_nor_a_metrics_port()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "silo.metrics.enabled=false", "--set", "silo.metrics.serviceMonitor.enabled=true");
        var annotations = chart.StatefulSet["spec"]!["template"]!["metadata"]!["annotations"]?.AsObject();

        Assert.DoesNotContain("prometheus.io/scrape", annotations?.Select(a => a.Key) ?? []);
        Assert.False(chart.Has("ServiceMonitor"));
        Assert.DoesNotContain("metrics", PortNames(chart.Single("Service", "ccm-silos")));
    }

    [Fact]
    public async Task Service_monitor_selects_only_the_headless_service_whose_metrics_port_is_the_dashboard_listener()
    {
        var chart = await ChartRenderer.RenderWithAsync(
            "--set", "silo.metrics.serviceMonitor.enabled=true",
            "--set", "silo.metrics.serviceMonitor.interval=30s",
            "--set", "silo.metrics.serviceMonitor.labels.release=kube-prometheus-stack");
        var monitor = chart.Single("ServiceMonitor", "ccm");
        var selector = monitor["spec"]!["selector"]!["matchLabels"]!.AsObject();

        var selected = chart.OfKind("Service")
            .Where(s => selector.All(l => (string?)s["metadata"]!["labels"]![l.Key] == (string?)l.Value))
            .Select(s => (string?)s["metadata"]!["name"]).ToList();
        Assert.Equal(["ccm-silos"], selected);

        var endpoint = monitor["spec"]!["endpoints"]![0]!;
        Assert.Equal("metrics", (string?)endpoint["port"]);
        Assert.Equal("/metrics", (string?)endpoint["path"]);
        Assert.Equal("30s", (string?)endpoint["interval"]);
        Assert.Null(endpoint["scrapeTimeout"]);
        Assert.Equal("kube-prometheus-stack", (string?)monitor["metadata"]!["labels"]!["release"]);

        // One listener serves the dashboard and /metrics by default, so the port targets the container's dashboard port.
        var metricsPort = Port(chart.Single("Service", "ccm-silos"), "metrics");
        Assert.Equal("dashboard", (string?)metricsPort["targetPort"]);
        Assert.Contains("dashboard", ContainerPortNames(chart));
    }

    [Fact]
    public async Task A_separate_metrics_port_is_scraped_on_its_own_container_port()
    {
        var chart = await ChartRenderer.RenderWithAsync("--set", "silo.metrics.port=9090", "--set", "silo.metrics.serviceMonitor.enabled=true");

        var metricsPort = Port(chart.Single("Service", "ccm-silos"), "metrics");
        Assert.Equal(9090, (int)metricsPort["port"]!);
        Assert.Equal("metrics", (string?)metricsPort["targetPort"]);
        Assert.Contains("metrics", ContainerPortNames(chart));
        Assert.Equal("9090", (string?)chart.StatefulSet["spec"]!["template"]!["metadata"]!["annotations"]!["prometheus.io/port"]);
        Assert.Equal(":9090", chart.Arg("--metrics-bind-addr"));
    }

    private static IEnumerable<string?> PortNames(System.Text.Json.Nodes.JsonObject service) =>
        service["spec"]!["ports"]!.AsArray().Select(p => (string?)p!["name"]);

    private static System.Text.Json.Nodes.JsonNode Port(System.Text.Json.Nodes.JsonObject service, string name) =>
        service["spec"]!["ports"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    private static IEnumerable<string?> ContainerPortNames(RenderedChart chart) =>
        chart.Silo["ports"]!.AsArray().Select(p => (string?)p!["name"]);
}
