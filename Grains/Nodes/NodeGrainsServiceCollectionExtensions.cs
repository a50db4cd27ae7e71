using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ccm.Grains.Nodes;

/// <summary>Registration of the node controller: the Node grain, its executor and the silo's batched instance lookup.</summary>
public static class NodeGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Needs <see cref="CcmOptions"/>, <see cref="CloudClients.Ecs.IEcsClient"/>, <see cref="k8s.IKubernetes"/>, the
    /// cluster cache, the event recorder and the grain runtime. Register an <see cref="InstanceBatchOptions"/> before to
    /// change the batching window.
    /// </summary>
    public static IServiceCollection AddNodeGrains(this IServiceCollection services)
    {
        services.AddInstanceLookup();
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<NodeExecutor>(sp));
        return services;
    }

    /// <summary>The silo's one batched <see cref="IInstanceLookup"/>, shared by Node grains and Service grains.</summary>
    public static IServiceCollection AddInstanceLookup(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new InstanceBatchOptions());
        services.TryAddSingleton<IInstanceLookup>(sp => ActivatorUtilities.CreateInstance<InstanceBatcher>(sp));
        return services;
    }
}
