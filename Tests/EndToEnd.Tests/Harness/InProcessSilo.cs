using Ccm.GrainInterfaces;
using Ccm.Kube.Http;
using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Silo.Hosting;
using Ccm.Silo.Options;
using Ccm.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.EndToEnd.Tests;

/// <summary>
/// A real silo (the same host and composition as the executable) running in the test process against a
/// <see cref="SandboxWorld"/>, its logs captured in <see cref="Logs"/>. Dispose stops it gracefully.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private int stopped;

    internal InProcessSilo(WebApplication app, SiloOptions options, CapturingLoggerProvider logs)
    {
        App = app;
        Options = options;
        Logs = logs;
    }

    public WebApplication App { get; }

    public SiloOptions Options { get; }

    public string Name => Options.SiloName;

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => App.Services;

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>What the dashboard reads: every grain's latest published state on this silo.</summary>
    public IGrainStateBoard Board => Get<IGrainStateBoard>();

    /// <summary>Orleans' grain factory of this silo.</summary>
    public IGrainFactory Grains => Get<IGrainFactory>();

    /// <summary>Which keys this silo owns among the active silos it sees (the placement rule).</summary>
    public ClusterOwnership Ownership => Get<ClusterOwnership>();

    /// <summary>The reconciler activations on this silo, with their turn and signal counters.</summary>
    public ReconcileActivity Activity => Get<ReconcileActivity>();

    /// <summary>This silo's watcher grain (cache sizes, sync state, signals sent).</summary>
    public IWatcherGrain Watcher => Grains.GetGrain<IWatcherGrain>(GrainKeys.Watcher(Ownership.Self.ToParsableString()));

    /// <summary>Every distinct Kubernetes call this silo made (verb, group, resource, subresource, namespace).</summary>
    public KubeCallRecorder KubeCalls => Get<KubeCallRecorder>();

    public Uri? HealthUrl => Get<SiloListeners>().UrlOf(ListenerRoles.Health);

    public Uri? MetricsUrl => Get<SiloListeners>().UrlOf(ListenerRoles.Metrics);

    public Uri? DashboardUrl => Get<SiloListeners>().UrlOf(ListenerRoles.Dashboard);

    /// <summary>A graceful stop (as SIGTERM): stop signalling, finish turns, leave the cluster, flush events.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await App.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
    }
}
