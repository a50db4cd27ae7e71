using System.Diagnostics.Metrics;
using Ccm.Silo.Options;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Ccm.Silo.Metrics;

/// <summary>The silo's metrics: OpenTelemetry's SDK aggregates <see cref="ExportedMeters"/>, its Prometheus exporter serves them.</summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddSiloMetrics(this IServiceCollection services, SiloOptions options)
    {
        services.AddSingleton<SiloMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cloud-controller-manager", serviceVersion: SiloApp.Version, serviceInstanceId: options.SiloName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. ExportedMeters.Names]).AddPrometheusExporter(ConfigureExporter);

                // The views need this host's meter factory, which exists once the provider's services do.
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                    builder.AddView(new MetricViews(provider.GetRequiredService<IMeterFactory>()).For));
            });
        return services;
    }

    private static void ConfigureExporter(PrometheusAspNetCoreOptions exporter)
    {
        // Prometheus scrapes every 15 s or more; a cached answer would only hide what was recorded just before a scrape.
        exporter.ScrapeResponseCacheDurationMilliseconds = 0;

        // Upstream's series carry only their own labels (verb, type, status); otel_scope_* labels on every series would
        // tell nothing the metric name does not, and would change each series' identity for existing queries.
        exporter.ScopeInfoEnabled = false;
    }
}
