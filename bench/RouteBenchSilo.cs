using System.Net;
using System.Net.Sockets;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.GrainInterfaces;
using Ccm.Grains;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Kube.Client;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Ccm.Bench;

/// <summary>
/// An Orleans silo alone (localhost clustering, in-memory reminders, loopback ports of its own) with the route
/// controller only, composed as the host composes it (<c>AddCcmGrains</c>), with the silo's default cloud client settings
/// (rate limits, retries) against the in-process emulators. The cache is given; no watcher: the bench signals the tables.
/// </summary>
internal sealed class RouteBenchSilo : IAsyncDisposable
{
    public const string AccessKeyId = "LTAI5tRouteBench000001";
    public const string AccessKeySecret = "route-bench-secret-not-logged";

    private readonly IHost host;
    private readonly string kubeconfig;

    private RouteBenchSilo(IHost host, string kubeconfig)
    {
        this.host = host;
        this.kubeconfig = kubeconfig;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<RouteBenchSilo> StartAsync(AliyunEmulator cloud, KubeEmulator kube, IClusterCache cache, CcmOptions options, CancellationToken cancellationToken)
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"route-bench-kubeconfig-{Environment.ProcessId}.yaml");
        kube.WriteKubeconfig(kubeconfig);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.VpcEndpoint, cloud.BaseAddress.Authority).With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret))
            .AddAliyunCloudClients(o => o.RegionId = DemoWorld.RegionId)
            .AddSingleton<IKubernetes>(KubeClientFactory.Create(KubeConnection.Load(kubeconfig, null), new KubeClientOptions { Qps = 0 }))
            .AddSingleton(cache)
            .AddSingleton<IEventRecorder>(new DiscardingEventRecorder())
            .AddCcmGrains(options);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "route-bench", clusterId: "route-bench");
            silo.UseInMemoryReminderService();
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new RouteBenchSilo(host, kubeconfig);
    }

    /// <summary>Wakes a route table grain as the watcher does for a change.</summary>
    public Task SignalAsync(string routeTableId) => Grains.GetGrain<IRouteTableGrain>(routeTableId).Signal(SignalKind.Event);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stop.Token);
        host.Dispose();
        File.Delete(kubeconfig);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class DiscardingEventRecorder : IEventRecorder
    {
        public void Record(V1ObjectReference regarding, EventSeverity severity, string reason, string message)
        {
        }
    }
}
