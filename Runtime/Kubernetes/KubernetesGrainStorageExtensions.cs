using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ccm.Runtime.Kubernetes;

/// <summary>Registration of the Kubernetes-backed Lease store and reminder table.</summary>
public static class KubernetesGrainStorageExtensions
{
    /// <summary>
    /// Stores shard Leases and reminders in the namespace and under the prefix of <see cref="ShardLeaseOptions"/>.
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="leaseApi">
    /// The client for Leases. Give the Leases a client of their own (its own rate limiter): renewals must not
    /// queue behind grain traffic, or a busy silo misses its renew deadline and drops its shards. Defaults to the
    /// registered <see cref="IKubernetes"/>.
    /// </param>
    public static IServiceCollection AddKubernetesGrainStorage(this IServiceCollection services, Func<IServiceProvider, IKubernetes>? leaseApi = null)
    {
        services.AddSingleton<ILeaseStore>(sp => new KubeLeaseStore(
            leaseApi?.Invoke(sp) ?? sp.GetRequiredService<IKubernetes>(),
            sp.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value.Leases.Namespace));
        services.AddSingleton<IReminderTable>(sp =>
        {
            var leases = sp.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value.Leases;
            return new KubeReminderTable(
                sp.GetRequiredService<IKubernetes>(), leases.Namespace, leases.ResourceName, sp.GetRequiredService<ILogger<KubeReminderTable>>());
        });
        return services;
    }
}
