using Ccm.GrainInterfaces;
using Ccm.Grains.Nodes;
using Ccm.Grains.Routes;
using Ccm.Grains.Services;
using Ccm.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Grains;

/// <summary>Registration of the CCM's grains and the services they share.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="options"/>, the state board and the grains of every controller in
    /// <see cref="CcmOptions.Controllers"/>. The silo adds the runtime, the Kubernetes and cloud clients, the cluster
    /// cache and the event recorder.
    /// </summary>
    public static IServiceCollection AddCcmGrains(this IServiceCollection services, CcmOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<GrainStateBoard>();
        services.AddSingleton<IGrainStateBoard>(sp => sp.GetRequiredService<GrainStateBoard>());
        if (options.Runs("service"))
        {
            services.AddServiceGrain();
        }

        if (options.Runs("node"))
        {
            services.AddNodeGrains();
        }

        if (options.Runs("route") && options.ConfigureCloudRoutes)
        {
            services.AddRouteGrains();
        }

        return services;
    }
}
