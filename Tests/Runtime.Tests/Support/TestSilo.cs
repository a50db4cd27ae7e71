using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Runtime.Tests;

/// <summary>A silo built the way a host builds it (a service collection), with the test grains and a probe.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private bool stopped;

    private TestSilo(ServiceProvider services)
    {
        this.services = services;
        Silo = services.GetRequiredService<GrainSilo>();
        Probe = services.GetRequiredService<Probe>();
        Logs = services.GetRequiredService<CapturingLoggerProvider>();
    }

    public GrainSilo Silo { get; }

    public IGrainFactory Factory => Silo.GrainFactory;

    /// <summary>The silo's probe (still readable after the silo is disposed).</summary>
    public Probe Probe { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<TestSilo> StartAsync(
        TimeProvider? time = null,
        Action<GrainRuntimeOptions>? configure = null,
        InMemoryLeaseStore? leases = null,
        InMemoryReminderTable? reminders = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        var logs = new CapturingLoggerProvider();
        collection.AddSingleton(logs);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        collection.AddSingleton(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        collection.AddSingleton<Probe>();
        collection.AddGrainRuntime(o =>
        {
            o.SiloName = "silo-a";
            o.Leases.LeaderElect = false;
            o.Retry.Jitter = 0;
            configure?.Invoke(o);
        });
        collection.AddInMemoryGrainStorage(leases, reminders);
        collection.AddGrain<ICounterGrain, CounterGrain>();
        collection.AddGrain<IPingGrain, PingGrain>();
        collection.AddGrain<IScriptedReconciler, ScriptedReconciler>();
        collection.AddGrain<ILocalGrain, LocalGrain>();
        collection.AddGrain<IAffineGrain, AffineGrain>();
        services?.Invoke(collection);
        var silo = new TestSilo(collection.BuildServiceProvider());
        await silo.Silo.StartAsync(CancellationToken.None);
        return silo;
    }

    public ActivationStatistics? Activation(GrainId id) => Silo.GetStatistics().Activations.SingleOrDefault(a => a.GrainId == id);

    /// <summary>Polls until the grain has nothing queued or running.</summary>
    public Task QuiescentAsync(GrainId id) =>
        Eventually.TrueAsync(
            () => Activation(id) is null or { State: not (ActivationState.Running or ActivationState.Queued) },
            $"{id} has nothing queued or running");

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Silo.StopAsync(cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await services.DisposeAsync();
    }
}
