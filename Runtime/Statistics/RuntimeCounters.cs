using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ccm.Runtime;

/// <summary>
/// The silo's running totals, and its System.Diagnostics.Metrics instruments (meter <c>Ccm.Runtime</c>, created
/// through <see cref="IMeterFactory"/>, which owns and disposes it, so that several silos in one process keep separate
/// instruments).
/// </summary>
internal sealed class RuntimeCounters
{
    public const string MeterName = "Ccm.Runtime";

    private readonly Meter meter;
    private readonly Counter<long> turns;
    private readonly Counter<long> failures;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> signals;
    private long turnTotal;
    private long failureTotal;
    private long signalsAccepted;
    private long signalsDropped;
    private long activations;
    private long deactivations;

    public RuntimeCounters(IMeterFactory meterFactory, string siloName, TimeProvider time)
    {
        Window = new TurnWindow(time);
        meter = meterFactory.Create(new MeterOptions(MeterName) { Tags = [new("silo", siloName)] });
        turns = meter.CreateCounter<long>("ccm.grain.turns", "{turn}", "Grain turns run, by grain type, kind and result");
        failures = meter.CreateCounter<long>("ccm.grain.turn.failures", "{turn}", "Grain turns that failed (including terminal reconcile failures)");
        turnDuration = meter.CreateHistogram<double>("ccm.grain.turn.duration", "s", "Duration of grain turns");
        signals = meter.CreateCounter<long>("ccm.grain.signals", "{signal}", "Reconcile signals, by whether this silo accepted them");
    }

    public TurnWindow Window { get; }

    public long TurnTotal => Interlocked.Read(ref turnTotal);

    public long FailureTotal => Interlocked.Read(ref failureTotal);

    public long SignalsAccepted => Interlocked.Read(ref signalsAccepted);

    public long SignalsDropped => Interlocked.Read(ref signalsDropped);

    public long ActivationTotal => Interlocked.Read(ref activations);

    public long DeactivationTotal => Interlocked.Read(ref deactivations);

    /// <summary>Registers the gauges that read live state: shards held, activations per type, pending signals.</summary>
    public void Observe(Func<int> shardsHeld, Func<IEnumerable<Measurement<int>>> activationsByType, Func<int> pendingSignals)
    {
        meter.CreateObservableGauge("ccm.runtime.shards.held", shardsHeld, "{shard}", "Shards this silo runs");
        meter.CreateObservableGauge("ccm.grain.activations", activationsByType, "{activation}", "Activations on this silo, by grain type");
        meter.CreateObservableGauge("ccm.grain.signals.pending", pendingSignals, "{signal}", "Reconcile turns queued and not yet started");
    }

    public void Turn(string grainType, TurnKind kind, TurnResult result, TimeSpan duration)
    {
        Interlocked.Increment(ref turnTotal);
        Window.Add(duration);
        var tags = new TagList { { "grain.type", grainType }, { "turn.kind", Lower(kind) }, { "turn.result", Lower(result) } };
        turns.Add(1, tags);
        turnDuration.Record(duration.TotalSeconds, tags);
        if (result is TurnResult.Failed or TurnResult.Terminal)
        {
            Interlocked.Increment(ref failureTotal);
            failures.Add(1, tags);
        }
    }

    public void Signal(bool accepted)
    {
        Interlocked.Increment(ref accepted ? ref signalsAccepted : ref signalsDropped);
        signals.Add(1, new KeyValuePair<string, object?>("accepted", accepted));
    }

    public void Activated() => Interlocked.Increment(ref activations);

    public void Deactivated() => Interlocked.Increment(ref deactivations);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
