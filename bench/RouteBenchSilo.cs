using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Hosting;
using Ccm.Grains;
using Ccm.Grains.Cluster;
using Ccm.Grains.Events;
using Ccm.Kube.Client;
using Ccm.Runtime;
using Ccm.Sandbox.Aliyun;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Bench;

/// <summary>
/// A silo with the route controller only, composed as the host composes it (<c>AddCcmGrains</c>), with the silo's
/// default cloud client settings (rate limits, retries) against the in-process emulators. The cache is given; no watcher.
/// </summary>
internal sealed class RouteBenchSilo : IAsyncDisposable
{
    public const string AccessKeyId = "LTAI5tRouteBench000001";
    public const string AccessKeySecret = "route-bench-secret-not-logged";

    private readonly ServiceProvider services;
    private readonly string kubeconfig;

    private RouteBenchSilo(ServiceProvider services, string kubeconfig)
    {
        this.services = services;
        this.kubeconfig = kubeconfig;
    }

    public IGrainFactory Grains => services.GetRequiredService<GrainSilo>().GrainFactory;

    public static async Task<RouteBenchSilo> StartAsync(AliyunEmulator cloud, KubeEmulator kube, IClusterCache cache, CcmOptions options, CancellationToken cancellationToken)
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"route-bench-kubeconfig-{Environment.ProcessId}.yaml");
        kube.WriteKubeconfig(kubeconfig);
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton(CloudEnvironment.Empty.With(CloudEnvironment.VpcEndpoint, cloud.BaseAddress.Authority).With(CloudEnvironment.ClientScheme, "HTTP")
                .With(CloudEnvironment.AccessKeyId, AccessKeyId).With(CloudEnvironment.AccessKeySecret, AccessKeySecret))
            .AddAliyunCloudClients(o => o.RegionId = DemoWorld.RegionId)
            .AddSingleton<IKubernetes>(KubeClientFactory.Create(KubeConnection.Load(kubeconfig, null), new KubeClientOptions { Qps = 0 }))
            .AddSingleton(cache)
            .AddSingleton<IEventRecorder>(new DiscardingEventRecorder())
            .AddGrainRuntime(o =>
            {
                o.SiloName = "route-bench";
                o.Leases.LeaderElect = false;
            })
            .AddInMemoryGrainStorage()
            .AddCcmGrains(options);
        var silo = new RouteBenchSilo(collection.BuildServiceProvider(), kubeconfig);
        await silo.services.GetRequiredService<GrainSilo>().StartAsync(cancellationToken);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await services.GetRequiredService<GrainSilo>().StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        File.Delete(kubeconfig);
    }

    private sealed class DiscardingEventRecorder : IEventRecorder
    {
        public void Record(V1ObjectReference regarding, EventSeverity severity, string reason, string message)
        {
        }
    }
}
