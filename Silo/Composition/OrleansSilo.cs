using System.Net;
using Ccm.Clustering.Kubernetes;
using Ccm.Clustering.Kubernetes.Hosting;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Dashboard.OrleansDashboard;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Ccm.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Ccm.Silo.Composition;

/// <summary>
/// The Orleans silo the grains run on. With <c>--leader-elect</c> (the default) silos form a cluster whose membership
/// and reminders live in Kubernetes (<see cref="Clustering.Kubernetes"/>: ConfigMaps and Leases named after
/// <c>--leader-elect-resource-name</c> in <c>--leader-elect-resource-namespace</c>); without it one silo runs alone with
/// both in memory. No gateway: nothing outside the cluster calls grains, so the silo port is the only new listener, bound
/// to the pod's IP (else loopback), mutual TLS when <c>--silo-tls-dir</c> is given.
/// </summary>
public static class OrleansSilo
{
    /// <summary>The keyed <c>IKubernetes</c> the tables use (the membership client, off the grains' QPS budget).</summary>
    public const string TablesClient = "ccm-tables";

    /// <summary>
    /// Addresses of other silos' activations this silo remembers (Orleans' default is 1,000,000, and its cache allocates
    /// its table for that many up front: about 18 MB of heap before a single grain). A silo calls at most every Service,
    /// Node and route table grain of the cluster, so this covers tens of thousands of objects; past it the least recently
    /// called is looked up in the directory again.
    /// </summary>
    public const int DirectoryCacheSize = 50_000;

    public static IServiceCollection AddCcmOrleans(this IServiceCollection services, Options.SiloOptions options, SiloEndpoint endpoint)
    {
        services.AddKeyedSingleton(TablesClient, (sp, _) => sp.GetRequiredService<KubeClients>().Leases);
        services.AddOrleans(silo =>
        {
            var name = options.LeaderElection.ResourceName;
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (name, name));
            silo.Configure<Orleans.Configuration.SiloOptions>(o => o.SiloName = options.SiloName);
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = endpoint.Address;
                o.SiloPort = endpoint.Port;
                o.SiloListeningEndpoint = new IPEndPoint(endpoint.Address, endpoint.Port);
                o.GatewayPort = 0;
            });
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = options.GrainIdleTimeout);
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
            // The default directory deactivates every activation whose entry a dead silo held (the survivor's watcher
            // among them, which then never signals again); this one recovers the dead silo's range from the survivors.
            // Experimental in 10.4.2; the failover test (Tests/EndToEnd.Tests/Failover) is what holds it to that.
#pragma warning disable ORLEANSEXP003
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            silo.UseSiloMetadata(new Dictionary<string, string> { [DashboardAddress.MetadataKey] = DashboardAddress.Of(options) ?? "" });
            silo.Configure<ClusterMembershipOptions>(o => MembershipTimings.Apply(o, options.LeaderElection));
            if (options.LeaderElection.Enabled)
            {
                silo.UseKubernetesClustering(o => Tables(o, options));
                silo.UseKubernetesReminderService(o => Tables(o, options));
            }
            else
            {
                silo.UseDevelopmentClustering(new IPEndPoint(endpoint.Address, endpoint.Port));
                silo.UseInMemoryReminderService();
            }

            if (options.DashboardBindAddress is not null)
            {
                silo.AddCcmOrleansDashboard();
            }

            if (SiloTls.Load(options.SiloTlsDir) is { } tls)
            {
                silo.UseTls(tls.Certificate, tls.Configure);
            }
        });

        // Orleans' hosted service starts the silo before the web server and fails the process when the tables are not
        // reachable yet; OrleansStart starts it, in the same place among the hosted services, once the host serves.
        var orleansHost = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "SiloHostedService");
        services.AddSingleton<OrleansStart>();
        services[services.IndexOf(orleansHost)] = ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<OrleansStart>());
        return services;
    }

    private static void Tables(KubernetesObjectOptions tables, Options.SiloOptions options)
    {
        tables.Namespace = options.LeaderElection.ResourceNamespace;
        tables.NamePrefix = options.LeaderElection.ResourceName;
        tables.ClientServiceKey = TablesClient;
        tables.Labels["app.kubernetes.io/managed-by"] = "ccm";
    }
}
