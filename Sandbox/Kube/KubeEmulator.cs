using Ccm.Sandbox.Kube.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Sandbox.Kube;

/// <summary>
/// A Kubernetes API server emulator on loopback, plain HTTP: discovery, OpenAPI v3 enough for kubectl's validation,
/// generic storage with watch, the four patch types, finalizers, status subresources, optimistic concurrency, Service
/// IP and node-port allocation, and a stand-in for the controllers that make Deployments and EndpointSlices behave.
/// Real clients (kubectl, client-node, our <c>Kube/</c> client) drive it over HTTP; tests may also reach its store
/// in-process (<see cref="Objects"/>) and inject faults (<see cref="Faults"/>).
/// </summary>
public sealed class KubeEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly KubeCluster cluster;

    private KubeEmulator(WebApplication app, KubeCluster cluster, KubeFaults faults, Uri baseAddress)
    {
        this.app = app;
        this.cluster = cluster;
        BaseAddress = baseAddress;
        Objects = new KubeObjects(cluster.Operations, cluster.Catalog);
        Faults = faults;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, the bound address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>In-process access to the objects (same rules as HTTP; errors are <see cref="KubeApiException"/>).</summary>
    public KubeObjects Objects { get; }

    /// <summary>Fault hooks: compact the watch history, close every watch, slow every request down.</summary>
    public KubeFaults Faults { get; }

    /// <summary>The newest resourceVersion.</summary>
    public long ResourceVersion => cluster.Store.Snapshot.ResourceVersion;

    public static async Task<KubeEmulator> StartAsync(KubeEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var endpoint = ListenAddress.Parse(options.Listen);
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var cluster = new KubeCluster(options, loggers);
        var faults = new KubeFaults(cluster.Store.Events);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Ccm.Sandbox.Kube" });
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(endpoint);
        });

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var latency = faults.RequestLatency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            await next(context);
        });
        app.Run(cluster.Handler.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KubeEmulator(app, cluster, faults, new Uri(address));
    }

    /// <summary>Writes a kubeconfig (server = <see cref="BaseAddress"/>, <c>user: {}</c>, one context, namespace default).</summary>
    public void WriteKubeconfig(string path) => File.WriteAllText(path, KubeconfigText.For(BaseAddress));

    /// <summary>The kubeconfig text <see cref="WriteKubeconfig"/> writes.</summary>
    public string Kubeconfig() => KubeconfigText.For(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        cluster.Store.Events.CloseAllWatches();
        await app.StopAsync();
        await app.DisposeAsync();
        await cluster.DisposeAsync();
    }
}
