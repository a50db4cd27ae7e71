using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ccm.Grains.Observability;

/// <summary>Registration of the upstream-named instruments the grains record.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    public static IServiceCollection AddUpstreamMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<UpstreamMetrics>();
        services.TryAddSingleton<SlbOperationRecorder>();
        return services;
    }
}
