using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ccm.Runtime;

/// <summary>
/// One silo: the grain runtime as a hosted service. Start opens silo-local grains and begins owning shards
/// (Leases, or all of them with leader election off); stop drains every shard, releases it for the peers, and ends
/// the silo-local grains (graceful shutdown: stop signalling, finish turns, release leases).
/// </summary>
public sealed partial class GrainSilo : IHostedService, IDisposable
{
    private readonly SiloRuntime runtime;
    private readonly IShardOwnership ownership;
    private readonly ShardDirectory directory;
    private readonly IdleCollector collector;
    private int started;
    private int disposed;
    private readonly Lock stopGate = new();
    private Task? stopping;

    private GrainSilo(SiloRuntime runtime, Func<IShardHost, IShardOwnership> ownership)
    {
        this.runtime = runtime;
        directory = new ShardDirectory(runtime);
        this.ownership = ownership(directory);
        collector = new IdleCollector(runtime.Catalog, runtime.Options, runtime.Time);
        StartedAt = runtime.Time.GetUtcNow();
        runtime.Counters.Observe(
            () => directory.ActiveShards.Count,
            () => runtime.Catalog.Activations.GroupBy(a => a.Type.Name).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("grain.type", g.Key))),
            () => runtime.Catalog.Activations.Count(a => a.Snapshot().SignalPending));
    }

    public string SiloName => runtime.SiloName;

    /// <summary>This silo's holder identity on Leases.</summary>
    public string Identity => ownership.Identity;

    public DateTimeOffset StartedAt { get; }

    public IGrainFactory GrainFactory => runtime.Factory;

    public IShardDirectory Shards => directory;

    /// <summary>Builds the silo from the container (what <c>AddGrainRuntime</c> registers).</summary>
    public static GrainSilo Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        var errors = GrainRuntimeOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(GrainRuntimeOptions), typeof(GrainRuntimeOptions), errors);
        }

        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var reminders = services.GetService<IReminderTable>()
            ?? throw new InvalidOperationException("no IReminderTable registered: use AddKubernetesGrainStorage (or AddInMemoryGrainStorage in tests)");
        var runtime = new SiloRuntime(
            options, new GrainTypeRegistry(services.GetServices<GrainRegistration>()), services, time, loggers,
            services.GetRequiredService<IMeterFactory>(), reminders);
        var leases = options.Leases.LeaderElect
            ? services.GetService<ILeaseStore>() ?? throw new InvalidOperationException("leader election needs an ILeaseStore: use AddKubernetesGrainStorage (or AddInMemoryGrainStorage in tests)")
            : null;
        return new GrainSilo(runtime, host => leases is null
            ? new SingleSiloOwnership(host, options.ShardCount, options.SiloName, time)
            : new LeaseShardOwnership(leases, host, options, time, loggers.CreateLogger("Ccm.Runtime.Shards")));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            throw new InvalidOperationException($"silo {SiloName} was already started");
        }

        runtime.Catalog.OpenShard(ShardMap.Local, DateTimeOffset.MaxValue);
        collector.Start();
        await ownership.StartAsync(cancellationToken);
        runtime.Logger.LogInformation(
            "Silo {SiloName} started as {Identity} ({Shards} shards, leader election {LeaderElect})",
            SiloName, Identity, runtime.ShardMap.ShardCount, runtime.Options.Leases.LeaderElect);
    }

    /// <summary>
    /// Drains and releases every shard, then ends the silo-local grains. Runs once: the silo host calls it in its
    /// graceful-stop phases, and the host's own stop of hosted services then finds it done.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (stopGate)
        {
            return stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        runtime.Logger.LogInformation("Silo {SiloName} stopping: draining and releasing its shards", SiloName);
        try
        {
            await ownership.StopAsync(cancellationToken);
        }
        finally
        {
            await runtime.Catalog.StopShardAsync(ShardMap.Local, DeactivationReason.SiloStopping, force: false, runtime.Options.DeactivationTimeout);
            collector.Dispose();
        }

        runtime.Logger.LogInformation("Silo {SiloName} stopped", SiloName);
    }

    /// <summary>For chaos tests: stop as a crashed process would (no Lease is released, grains stop at once).</summary>
    internal async Task AbortAsync()
    {
        if (ownership is LeaseShardOwnership leased)
        {
            await leased.AbortAsync();
        }

        await runtime.Catalog.StopShardAsync(ShardMap.Local, DeactivationReason.SiloStopping, force: true, runtime.Options.DeactivationTimeout);
        collector.Dispose();
    }

    public void Dispose()
    {
        // The container disposes the silo once per registration that hands it out (itself and IHostedService).
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        collector.Dispose();
        (ownership as IDisposable)?.Dispose();
    }

    internal SiloRuntime Runtime => runtime;

    internal IShardOwnership Ownership => ownership;

    internal IdleCollector Collector => collector;
}
