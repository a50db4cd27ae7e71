using Ccm.GrainInterfaces;
using Ccm.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ccm.Grains.Routes;

/// <summary>Registration of the route controller: the route table and condition grains and the services they share.</summary>
public static class RouteGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Needs <see cref="CcmOptions"/>, <see cref="CloudClients.Vpc.IVpcClient"/>, <see cref="Kube.Api.IKubeApi"/>, the
    /// cluster cache, the event recorder and the grain runtime. The silo resolves <see cref="RouteTableCatalog"/> at
    /// start; the watcher signals one <see cref="IRouteTableGrain"/> per id in it.
    /// </summary>
    public static IServiceCollection AddRouteGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RouteTableCatalog>();
        services.TryAddSingleton<VpcWriteGate>();
        services.TryAddSingleton<RouteCoverageBoard>();
        services.TryAddSingleton<RouteExecutor>();
        return services.AddGrain<IRouteTableGrain, RouteTableGrain>().AddGrain<INetworkConditionGrain, NetworkConditionGrain>();
    }
}
