using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ccm.GrainInterfaces;

namespace Ccm.Grains.Reconcile;

/// <summary>
/// The silo's live reconciler activations and their counters: what the dashboard shows of this silo (activations per
/// grain type, turns, failures, latency) and the <c>Ccm.Grains.Reconcile</c> meter. Grain types are few and fixed, so
/// every label here has a bounded set of values; keys never become labels.
/// </summary>
public sealed class ReconcileActivity
{
    public const string MeterName = "Ccm.Grains.Reconcile";

    private readonly ConcurrentDictionary<(string Kind, string Key), ActivationInfo> live = new();
    private readonly TimeProvider time;
    private readonly Counter<long> turns;
    private readonly Counter<long> failures;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> signals;
    private long turnTotal;
    private long failureTotal;
    private long signalTotal;

    public ReconcileActivity(IMeterFactory meters, TimeProvider time)
    {
        this.time = time;
        StartedAt = time.GetUtcNow();
        Window = new TurnWindow(time);
        var meter = meters.Create(MeterName);
        turns = meter.CreateCounter<long>("ccm.grain.turns", "{turn}", "Reconcile turns run, by grain type, trigger and result");
        failures = meter.CreateCounter<long>("ccm.grain.turn.failures", "{turn}", "Reconcile turns that failed (including terminal failures)");
        turnDuration = meter.CreateHistogram<double>("ccm.grain.turn.duration", "s", "Duration of reconcile turns");
        signals = meter.CreateCounter<long>("ccm.grain.signals", "{signal}", "Reconcile signals received, by grain type");
        meter.CreateObservableGauge("ccm.grain.activations", ByKind, "{activation}", "Reconciler activations on this silo, by grain type");
    }

    /// <summary>When this silo's reconcile layer started (the silo's start, for the dashboard).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Recent turn durations and rate.</summary>
    public TurnWindow Window { get; }

    public long TurnTotal => Interlocked.Read(ref turnTotal);

    public long FailureTotal => Interlocked.Read(ref failureTotal);

    public long SignalTotal => Interlocked.Read(ref signalTotal);

    /// <summary>Every live activation, by grain type then key.</summary>
    public IReadOnlyList<ActivationInfo> Activations =>
        [.. live.Values.OrderBy(a => a.Kind, StringComparer.Ordinal).ThenBy(a => a.Key, StringComparer.Ordinal)];

    public ActivationInfo? Find(string kind, string key) => live.GetValueOrDefault((kind, key));

    internal ActivationInfo Register(string kind, string key) => live[(kind, key)] = new ActivationInfo(kind, key, time.GetUtcNow());

    internal void Unregister(ActivationInfo info) => live.TryRemove(new KeyValuePair<(string, string), ActivationInfo>((info.Kind, info.Key), info));

    internal void Signalled(string kind)
    {
        Interlocked.Increment(ref signalTotal);
        signals.Add(1, new KeyValuePair<string, object?>("grain.type", kind));
    }

    internal void Turn(string kind, SignalKind trigger, TurnResult result, TimeSpan duration)
    {
        Interlocked.Increment(ref turnTotal);
        Window.Add(duration);
        var tags = new TagList
        {
            { "grain.type", kind },
            { "turn.trigger", trigger == SignalKind.Event ? "event" : "resync" },
            { "turn.result", result.ToString().ToLowerInvariant() },
        };
        turns.Add(1, tags);
        turnDuration.Record(duration.TotalSeconds, tags);
        if (result is TurnResult.Failed or TurnResult.Terminal)
        {
            Interlocked.Increment(ref failureTotal);
            failures.Add(1, tags);
        }
    }

    private IEnumerable<Measurement<int>> ByKind() =>
        live.Values.GroupBy(a => a.Kind).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("grain.type", g.Key)));
}
