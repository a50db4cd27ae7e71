using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Metrics;

/// <summary>
/// <c>GET /metrics</c>: OpenTelemetry's Prometheus exporter, which answers in the classic text format (0.0.4) or, when
/// the scraper asks for it, in OpenMetrics or the text format 1.0.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPrometheusScrapingEndpoint(Path);
}
