using Ccm.Clustering.Kubernetes.Membership;
using Ccm.Clustering.Kubernetes.Reminders;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Ccm.Clustering.Kubernetes.Hosting;

/// <summary>
/// Silo registration of the Kubernetes-backed tables. Both take the silo's <see cref="IKubernetes"/> from DI (the
/// unkeyed one, or the keyed one named by <see cref="KubernetesObjectOptions.ClientServiceKey"/>); neither builds a
/// client of its own.
/// </summary>
public static class KubernetesClusteringSiloBuilderExtensions
{
    /// <summary>Uses the Kubernetes membership table (a ConfigMap and a Lease per silo slot) for clustering.</summary>
    public static ISiloBuilder UseKubernetesClustering(this ISiloBuilder builder, Action<KubernetesClusteringOptions>? configure = null) =>
        builder.ConfigureServices(services => services.AddKubernetesClustering(configure));

    /// <summary>Stores reminders in Kubernetes ConfigMap buckets (and adds Orleans' reminder service).</summary>
    public static ISiloBuilder UseKubernetesReminderService(this ISiloBuilder builder, Action<KubernetesReminderTableOptions>? configure = null) =>
        builder.ConfigureServices(services => services.AddKubernetesReminderService(configure));

    /// <summary>Registers the Kubernetes membership table as the silo's <see cref="IMembershipTable"/>.</summary>
    public static IServiceCollection AddKubernetesClustering(this IServiceCollection services, Action<KubernetesClusteringOptions>? configure = null)
    {
        AddOptions(services, configure);
        services.AddSingleton(sp => new KubernetesMembershipTable(
            ClientFor(sp, sp.GetRequiredService<IOptions<KubernetesClusteringOptions>>().Value),
            sp.GetRequiredService<IOptions<KubernetesClusteringOptions>>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<KubernetesMembershipTable>>()));
        services.AddSingleton<IMembershipTable>(sp => sp.GetRequiredService<KubernetesMembershipTable>());
        return services;
    }

    /// <summary>Adds Orleans' reminder service with the Kubernetes reminder table as its <see cref="IReminderTable"/>.</summary>
    public static IServiceCollection AddKubernetesReminderService(this IServiceCollection services, Action<KubernetesReminderTableOptions>? configure = null)
    {
        services.AddReminders();
        AddOptions(services, configure);
        services.AddSingleton(sp => new KubernetesReminderTable(
            ClientFor(sp, sp.GetRequiredService<IOptions<KubernetesReminderTableOptions>>().Value),
            sp.GetRequiredService<IOptions<KubernetesReminderTableOptions>>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<KubernetesReminderTable>>()));
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<KubernetesReminderTable>());
        return services;
    }

    private static void AddOptions<TOptions>(IServiceCollection services, Action<TOptions>? configure)
        where TOptions : KubernetesObjectOptions
    {
        var builder = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.PostConfigure(options => options.Namespace = DefaultNamespace(options.Namespace));
        services.AddSingleton<IConfigurationValidator>(sp => new KubernetesObjectOptionsValidator<TOptions>(sp.GetRequiredService<IOptions<TOptions>>().Value));
    }

    /// <summary>The configured namespace, else the pod's own (the Downward API's <c>POD_NAMESPACE</c>), else <c>default</c>.</summary>
    private static string DefaultNamespace(string configured) =>
        configured is { Length: > 0 } ? configured
        : Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } pod ? pod
        : "default";

    private static IKubernetes ClientFor(IServiceProvider services, KubernetesObjectOptions options) =>
        options.ClientServiceKey is { } key
            ? services.GetRequiredKeyedService<IKubernetes>(key)
            : services.GetRequiredService<IKubernetes>();
}
