using Ccm.CloudClients.Hosting;
using Ccm.Grains;
using Ccm.Grains.Events;
using Ccm.Grains.Watcher;
using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Composition.Readiness;
using Ccm.Silo.Health;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CloudNetwork = Ccm.CloudClients.Endpoints.NetworkType;

namespace Ccm.Silo.Composition;

/// <summary>
/// Everything that makes the bare silo host (<see cref="SiloHost"/>) a CCM: the Kubernetes and cloud clients, the
/// Orleans silo with its Kubernetes-backed membership and reminders, the cluster cache and watcher, the event recorder,
/// the grains, the readiness checks that mean something and the graceful-stop steps. Call between
/// <see cref="SiloHost.CreateBuilder"/> and <see cref="SiloHost.Build"/>; register extra services (tests' tuning) after it.
/// </summary>
public static class SiloComposition
{
    public static IServiceCollection AddCcm(this IServiceCollection services, SiloOptions options, CloudConfig cloud, KubernetesClientConfiguration kube)
    {
        var ccm = CcmOptionsFactory.Create(options, cloud);

        services.AddSingleton(sp => new KubeClients(
            kube, options, sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<KubeClients>().Calls);
        services.AddSingleton(sp => sp.GetRequiredService<KubeClients>().Api);

        services.AddSingleton(CloudEnvironmentFactory.Create(options));
        services.AddAliyunCloudClients(o => ConfigureCloudClients(o, options, cloud));

        var endpoint = SiloEndpoint.From(options);
        services.AddSingleton(endpoint);
        services.AddCcmOrleans(options, endpoint);
        services.AddCcmGrains(ccm);
        services.AddClusterWatcher();
        services.AddSingleton(sp => new KubeEventRecorder(
            sp.GetRequiredService<IKubernetes>(),
            new EventRecorderOptions { DryRun = options.DryRun, Instance = options.SiloName },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KubeEventRecorder>>(),
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<IEventRecorder>(sp => sp.GetRequiredService<KubeEventRecorder>());

        services.AddSingleton<IReadinessCheck, WatchesSyncedCheck>();
        services.AddSingleton<IReadinessCheck, ClusterMembershipCheck>();
        services.AddSingleton<CloudCredentialsProbe>();
        services.AddSingleton<IReadinessCheck>(sp => sp.GetRequiredService<CloudCredentialsProbe>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CloudCredentialsProbe>());

        services.AddSingleton<IShutdownParticipant, StopWatching>();
        services.AddSingleton<IShutdownParticipant, FlushEvents>();
        return services;
    }

    private static void ConfigureCloudClients(Ccm.CloudClients.CloudClientOptions clients, SiloOptions options, CloudConfig cloud)
    {
        clients.RegionId = cloud.Region!;
        clients.Network = options.Network == NetworkType.Public ? CloudNetwork.Public : CloudNetwork.Vpc;
        clients.ReadOnly = options.DryRun;
        clients.UserAgent = $"ccm-dotnet/{SiloApp.Version} ClusterId/{cloud.ClusterId}";
        clients.Credentials.AccessKeyId = cloud.AccessKey?.AccessKeyId;
        clients.Credentials.AccessKeySecret = cloud.AccessKey?.AccessKeySecret;
        clients.Metadata.EnableImdsV2 = options.EnableImdsV2;
        clients.ApplyRateLimits(cloud.CloudApiRateLimits); // both were validated at start: the flag wins
        clients.ApplyRateLimits(options.CloudApiRateLimits);
    }
}
