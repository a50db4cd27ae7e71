using Ccm.GrainInterfaces;
using Ccm.Grains.Nodes;
using Ccm.Grains.Observability;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Routes;
using Ccm.Grains.Services;
using Ccm.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.Placement;

namespace Ccm.Grains;

/// <summary>Registration of the CCM's grains and the services they share.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="options"/>, the reconcile layer, owner placement, the state board and the services of
    /// every controller in <see cref="CcmOptions.Controllers"/> (Orleans finds the grain classes itself; a controller that
    /// is off is never signalled). Call inside an Orleans silo. The silo adds the Kubernetes and cloud clients, the
    /// cluster cache and the event recorder.
    /// </summary>
    public static IServiceCollection AddCcmGrains(this IServiceCollection services, CcmOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ReconcileOptions());
        services.AddSingleton<ReconcileActivity>();
        services.AddUpstreamMetrics();
        services.AddSingleton<ReconcileServices>();
        services.AddSingleton<ClusterOwnership>();
        services.AddSingleton<IHostedService, ClusterOwnershipTracker>();
        services.AddPlacementDirector<OwnerPlacement, OwnerPlacementDirector>();
        services.AddPlacementDirector<RouteGroupPlacement, OwnerPlacementDirector>();
        services.AddPlacementDirector<NamedSiloPlacement, NamedSiloPlacementDirector>();
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
