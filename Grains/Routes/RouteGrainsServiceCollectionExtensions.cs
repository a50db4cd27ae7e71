using Ccm.CloudClients.Vpc;
using Ccm.Grains.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ccm.Grains.Routes;

/// <summary>Registration of the route controller: the route table and condition grains and the services they share.</summary>
public static class RouteGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Needs <see cref="CcmOptions"/>, <see cref="CloudClients.Vpc.IVpcClient"/>, <see cref="k8s.IKubernetes"/>, the
    /// cluster cache, the event recorder and the reconcile layer. <see cref="RouteTableSet"/> is shared with the watcher,
    /// which signals one <see cref="GrainInterfaces.IRouteTableGrain"/> per id in it (and discovers the VPC's table when none is configured).
    /// </summary>
    public static IServiceCollection AddRouteGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RouteTableSet(sp.GetRequiredService<CcmOptions>(), sp.GetRequiredService<IVpcClient>));
        services.TryAddSingleton<VpcWriteGate>();
        services.TryAddSingleton<RouteCoverageBoard>();
        services.TryAddSingleton<RouteExecutor>();
        return services;
    }
}
