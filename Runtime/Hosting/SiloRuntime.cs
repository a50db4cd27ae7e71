using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// The parts of one silo that activations, the factory and the reminder service share. One per silo, never
/// static: several silos run side by side in one test process.
/// </summary>
internal sealed class SiloRuntime
{
    public SiloRuntime(
        GrainRuntimeOptions options,
        GrainTypeRegistry registry,
        IServiceProvider services,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IMeterFactory meterFactory,
        IReminderTable reminderTable)
    {
        Options = options;
        Registry = registry;
        Services = services;
        Time = time;
        Logger = loggerFactory.CreateLogger("Ccm.Runtime");
        Counters = new RuntimeCounters(meterFactory, options.SiloName, time);
        ShardMap = new ShardMap(options.ShardCount);
        Catalog = new Catalog(this);
        Factory = new GrainFactory(registry, Catalog, options.CallTimeout, time);
        Reminders = new ReminderService(this, reminderTable);
    }

    public string SiloName => Options.SiloName;

    public GrainRuntimeOptions Options { get; }

    public GrainTypeRegistry Registry { get; }

    /// <summary>The root provider; each activation creates its own scope from it.</summary>
    public IServiceProvider Services { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public RuntimeCounters Counters { get; }

    public ShardMap ShardMap { get; }

    public Catalog Catalog { get; }

    public GrainFactory Factory { get; }

    public ReminderService Reminders { get; }

    /// <summary>A uniform draw from [0, 1) for backoff jitter (thread-safe).</summary>
    public double NextJitter() => Random.Shared.NextDouble();
}
