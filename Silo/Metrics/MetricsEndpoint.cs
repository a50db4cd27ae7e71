using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Silo.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format.</summary>
public static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/metrics", (MetricsCollector collector) =>
            Results.Text(PrometheusTextWriter.Write(collector.Collect()), PrometheusTextWriter.ContentType));
}
