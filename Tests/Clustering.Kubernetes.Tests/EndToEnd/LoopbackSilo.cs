using System.Net;
using System.Net.Sockets;
using Ccm.Clustering.Kubernetes.Hosting;
using Ccm.Clustering.Kubernetes.Tests.Support;
using Ccm.TestSupport;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Ccm.Clustering.Kubernetes.Tests.EndToEnd;

/// <summary>
/// A real Orleans silo in-process, listening on a free loopback port, clustered and keeping reminders through the
/// Kubernetes tables on the given client, as the silo executable will wire them.
/// </summary>
public sealed class LoopbackSilo : IAsyncDisposable
{
    private readonly IHost host;

    private LoopbackSilo(IHost host) => this.host = host;

    public SiloAddress Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<LoopbackSilo> StartAsync(IKubernetes client, string @namespace, ReminderTicks ticks, CapturingLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddProvider(logs);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton(ticks);
        builder.UseOrleans(silo =>
        {
            var port = FreeLoopbackPort();
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (Tables.Cluster.ServiceId, Tables.Cluster.ClusterId));
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, port);
                o.SiloPort = port;
                o.GatewayPort = 0;
            });
            silo.Configure<ClusterMembershipOptions>(o => o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.UseKubernetesClustering(o => o.Namespace = @namespace);
            silo.UseKubernetesReminderService(o => o.Namespace = @namespace);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new LoopbackSilo(host);
    }

    /// <summary>Stops the silo gracefully: it leaves the cluster and marks itself Dead in the table.</summary>
    public Task StopAsync() => host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
