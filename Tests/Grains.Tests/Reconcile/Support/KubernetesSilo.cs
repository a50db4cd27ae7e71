using System.Net;
using System.Net.Sockets;
using Ccm.Clustering.Kubernetes.Hosting;
using Ccm.Grains.Placement;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Client;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Ccm.Grains.Tests.Reconcile.Support;

/// <summary>
/// A real silo in this process on a loopback TCP port, clustered and keeping reminders in our Kubernetes tables (a
/// namespace of the Kubernetes emulator), as the CCM's silo is: the reconcile layer, the probe grains, and an API client
/// of its own whose connection a test can cut.
/// </summary>
internal sealed class KubernetesSilo : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ApiLink link;
    private bool stopped;
    private bool disposed;

    private KubernetesSilo(IHost host, ApiLink link)
    {
        this.host = host;
        this.link = link;
    }

    public SiloAddress Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public ClusterOwnership Ownership => host.Services.GetRequiredService<ClusterOwnership>();

    public IServiceProvider Services => host.Services;

    /// <summary>
    /// Whether this silo sees <paramref name="silos"/> members both in its ownership view and in its cluster manifest
    /// (where Orleans may place grains): only then does it place a key on the owner every silo agrees on.
    /// </summary>
    public bool Sees(int silos) =>
        Ownership.Active.Count == silos && host.Services.GetRequiredService<IClusterManifestProvider>().Current.Silos.Count == silos;

    /// <param name="quickDeathDetection">Probe peers every second, so a crashed one is found dead in seconds (Orleans'
    /// defaults take about half a minute); tests that crash no silo keep the defaults, which a loaded machine cannot
    /// mistake for a death.</param>
    public static async Task<KubernetesSilo> StartAsync(
        KubeEmulator kube, string @namespace, ReconcileProbe probe, CapturingLoggerProvider logs, bool quickDeathDetection = false)
    {
        var link = new ApiLink();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddProvider(logs);
        builder.UseOrleans(silo =>
        {
            var port = FreeLoopbackPort();
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = ("ccm-test", "reconcile"));
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, port);
                o.SiloPort = port;
                o.GatewayPort = 0;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                if (quickDeathDetection)
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    // Also bounds how long a crashed silo keeps retrying its own status (Stopping, Dead) against the cut
                    // API before its listener closes: until then it would still answer its peers' probes.
                    o.MaxJoinAttemptTime = TimeSpan.FromSeconds(10);
                }
            });
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.UseKubernetesClustering(o => o.Namespace = @namespace);
            silo.UseKubernetesReminderService(o => o.Namespace = @namespace);
            silo.Services
                .AddSingleton<IKubernetes>(EmulatorKube.Client(kube, new KubeClientOptions { Qps = 0, OuterHandlers = [() => link] }))
                .AddSingleton(probe)
                .AddReconcileLayer(ClusterSetup.QuickRetries);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new KubernetesSilo(host, link);
    }

    /// <summary>Creates a namespace of the emulator for one test's tables and returns its name.</summary>
    public static async Task<string> CreateNamespaceAsync(KubeEmulator kube)
    {
        using var client = EmulatorKube.Client(kube);
        var name = $"t-{Guid.NewGuid().ToString("N")[..10]}";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>Stops the silo gracefully: it deactivates its grains and says goodbye in the membership table.</summary>
    public async Task StopAsync()
    {
        stopped = true;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StopAsync(bound.Token);
    }

    /// <summary>
    /// Crashes the silo: its API connection is cut first, so nothing it does on the way down reaches the tables; its stop is
    /// cancelled from the start, so it hands nothing over; and its services are disposed at once (a cancelled stop alone
    /// leaves the membership agent and the silo's listener running, still answering its peers' probes).
    /// </summary>
    public async Task KillAsync()
    {
        link.Cut();
        stopped = true;
        using (var now = new CancellationTokenSource())
        {
            await now.CancelAsync();
            try
            {
                await host.StopAsync(now.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        if (!stopped)
        {
            await StopAsync();
        }

        disposed = true;
        if (host is IAsyncDisposable asynchronous)
        {
            await asynchronous.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The silo's connection to the API server, which a test can cut as a crash cuts it.</summary>
    private sealed class ApiLink : DelegatingHandler
    {
        private volatile bool cut;

        public void Cut() => cut = true;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            cut ? Task.FromException<HttpResponseMessage>(new HttpRequestException("the silo is dead: no request leaves it")) : base.SendAsync(request, cancellationToken);
    }
}
