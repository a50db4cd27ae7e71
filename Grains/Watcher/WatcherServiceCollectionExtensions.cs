using Ccm.CloudClients.Vpc;
using Ccm.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ccm.Grains.Watcher;

/// <summary>Registration of the cluster cache and the watcher grain that fills it and fans its changes out.</summary>
public static class WatcherServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InformerClusterCache"/> (also as <see cref="IClusterCache"/>), <see cref="RouteTableSet"/>
    /// (discovered in the background when the cloud-config names no table), <see cref="SignalDispatcher"/> and the
    /// watcher grain, activated when the silo becomes Active;
    /// needs an <see cref="k8s.IKubernetes"/> and, for discovery only, an <see cref="IVpcClient"/>.
    /// </summary>
    public static IServiceCollection AddClusterWatcher(this IServiceCollection services)
    {
        services.AddSingleton<InformerClusterCache>();
        services.AddSingleton<IClusterCache>(sp => sp.GetRequiredService<InformerClusterCache>());
        // TryAdd: the route controller registers the same set when it runs (AddCcmGrains comes first).
        services.TryAddSingleton(sp => new RouteTableSet(sp.GetRequiredService<CcmOptions>(), sp.GetRequiredService<IVpcClient>));
        services.AddSingleton<WatcherMetrics>();
        services.AddSingleton<SignalDispatcher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WatcherStarter>();
        services.AddSingleton<IHostedService, RouteTableDiscovery>();
        return services;
    }
}
