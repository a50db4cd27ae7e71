using Ccm.Grains.Placement;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Support;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Ccm.Grains.Tests.Reconcile.Support;

/// <summary>How a <see cref="ReconcileCluster"/> is built.</summary>
internal sealed record ClusterSetup
{
    /// <summary>Retries quick enough for a test: 50 ms doubling to 2 s.</summary>
    public static ReconcileOptions QuickRetries => new()
    {
        Retry = new RetryBackoffOptions { BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(2) },
    };

    public short Silos { get; init; } = 1;

    public ReconcileOptions Reconcile { get; init; } = QuickRetries;

    /// <summary>The reconcile layer's clock; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>More services for each silo, by the silo's name.</summary>
    public Action<string, IServiceCollection>? Services { get; init; }
}

/// <summary>
/// Real silos in this process (Orleans' <see cref="InProcessTestCluster"/>: connected in memory, advertising loopback, with
/// its in-process membership table and a client through the silos' gateways), each with the reconcile layer
/// (<see cref="ReconcileLayer"/>) and the probe grains, whose turns <see cref="Probe"/> scripts and logs. Placement uses
/// the cluster manifest as in production, not the testing shortcut that assumes every silo hosts every grain type.
/// Warnings and errors of every silo are kept, and written to the test output at the end.
/// </summary>
internal sealed class ReconcileCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;
    private readonly ITestOutputHelper? output;

    private ReconcileCluster(InProcessTestCluster cluster, ReconcileProbe probe, CapturingLoggerProvider logs, ITestOutputHelper? output)
    {
        this.cluster = cluster;
        this.output = output;
        Probe = probe;
        Logs = logs;
    }

    public ReconcileProbe Probe { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The silos still running, in start order.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => [.. cluster.Silos.Where(s => s.IsActive)];

    /// <summary>The cluster's client, connected through the silos' gateways.</summary>
    public IGrainFactory Grains => cluster.Client;

    public static async Task<ReconcileCluster> StartAsync(ClusterSetup setup, ITestOutputHelper? output = null)
    {
        var probe = new ReconcileProbe();
        var logs = new CapturingLoggerProvider();
        var builder = new InProcessTestClusterBuilder(setup.Silos);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.ConfigureSiloHost((_, host) => host.Logging.SetMinimumLevel(LogLevel.Warning).AddProvider(logs));
        builder.ConfigureSilo((silo, orleans) =>
        {
            // Registered once Orleans is (UseOrleans has run): hosted services of ours start after the silo's.
            orleans.Services.AddSingleton(probe).AddSingleton<ProbeAdmission>().AddReconcileLayer(setup.Reconcile, setup.Time);
            setup.Services?.Invoke(silo.SiloName, orleans.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var started = new ReconcileCluster(cluster, probe, logs, output);
        await started.WaitForMembersAsync();
        return started;
    }

    public T Service<T>(InProcessSiloHandle silo)
        where T : notnull => silo.ServiceProvider.GetRequiredService<T>();

    public ReconcileActivity Activity(InProcessSiloHandle silo) => Service<ReconcileActivity>(silo);

    public ClusterOwnership Ownership(InProcessSiloHandle silo) => Service<ClusterOwnership>(silo);

    /// <summary>The grain's live activation on any running silo, or null.</summary>
    public ActivationInfo? Find(string kind, string key) => Silos.Select(s => Activity(s).Find(kind, key)).FirstOrDefault(a => a is not null);

    /// <summary>The grain is active and idle: no turn running, queued or scheduled.</summary>
    public bool Idle(string kind, string key) => Find(kind, key) is { State: "Idle" };

    /// <summary>Starts one more silo and waits until every silo sees it as active.</summary>
    public async Task<InProcessSiloHandle> StartSiloAsync()
    {
        var silo = await cluster.StartAdditionalSiloAsync();
        await WaitForMembersAsync();
        return silo;
    }

    /// <summary>Stops a silo gracefully: it deactivates its grains and leaves the membership table.</summary>
    public Task StopSiloAsync(InProcessSiloHandle silo) => cluster.StopSiloAsync(silo);

    /// <summary>
    /// Until every running silo sees exactly the running silos as active, both in its ownership view (which keys it owns)
    /// and in its cluster manifest (where Orleans may place grains): then every silo places a key alike.
    /// </summary>
    public Task WaitForMembersAsync()
    {
        var running = Silos.Select(s => s.SiloAddress).Order().ToList();
        return Eventually.TrueAsync(
            () => Silos.All(s => Ownership(s).Active.SequenceEqual(running)
                && Service<IClusterManifestProvider>(s).Current.Silos.Keys.Order().SequenceEqual(running)),
            $"every silo sees the {running.Count} running silos as active",
            TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await cluster.StopAllSilosAsync();
        }
        finally
        {
            await cluster.DisposeAsync();
            foreach (var entry in Logs.Entries.Where(e => e.Level >= LogLevel.Warning && !e.Message.Contains("ServerGC", StringComparison.Ordinal)).Take(200))
            {
                output?.WriteLine(entry.ToString());
            }
        }
    }
}
