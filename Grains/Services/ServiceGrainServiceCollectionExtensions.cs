using Ccm.Grains.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ccm.Grains.Services;

/// <summary>Registration of the Service grain and the parts its turns are made of.</summary>
public static class ServiceGrainServiceCollectionExtensions
{
    /// <summary>Needs <see cref="Cluster.IClusterCache"/>, <see cref="Events.IEventRecorder"/>, <see cref="k8s.IKubernetes"/>,
    /// the SLB/ECS/VPC clients, <see cref="GrainInterfaces.IGrainStateBoard"/> and <see cref="CcmOptions"/> from the host.</summary>
    public static IServiceCollection AddServiceGrain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LoadBalancerFinder>();
        services.TryAddSingleton<EniResolver>();
        services.TryAddSingleton<EipFinder>();
        services.TryAddSingleton<ServiceEips>();
        services.TryAddSingleton<PodReadinessGates>();
        services.TryAddSingleton<MissingInstances>();
        services.AddInstanceLookup(); // with the node controller off, Services still need to confirm a missing instance
        services.TryAddSingleton<ServiceExecutor>();
        services.TryAddSingleton<ServiceStatusWriter>();
        services.TryAddSingleton<ServiceEvents>();
        services.TryAddSingleton<ServiceStatePublisher>();
        services.TryAddSingleton<ServiceTurnSlots>();
        services.TryAddSingleton<ServiceReconciler>();
        return services;
    }
}
