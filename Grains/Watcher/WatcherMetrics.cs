using System.Diagnostics.Metrics;
using Ccm.Grains.Cluster;

namespace Ccm.Grains.Watcher;

/// <summary>The watcher's instruments (meter <c>Ccm.Grains.Watcher</c>): signals by target and where they went, cache sizes, sync.</summary>
public sealed class WatcherMetrics
{
    public const string MeterName = "Ccm.Grains.Watcher";

    private readonly Counter<long> signals;

    public WatcherMetrics(IMeterFactory meters, InformerClusterCache cache)
    {
        var meter = meters.Create(MeterName);
        signals = meter.CreateCounter<long>(
            "ccm.watcher.signals", "{signal}", "Changes seen per grain type; placement=local when this silo owns the grain (and signals it), else elsewhere (its owner does)");
        meter.CreateObservableGauge(
            "ccm.watcher.cache.objects",
            () => cache.Kinds().Select(k => new Measurement<int>(k.Objects, new KeyValuePair<string, object?>("resource", k.Resource))),
            "{object}",
            "Objects in the silo's cluster cache, per resource");
        meter.CreateObservableGauge(
            "ccm.watcher.synced",
            () => cache.Kinds().Select(k => new Measurement<int>(k.Synced ? 1 : 0, new KeyValuePair<string, object?>("resource", k.Resource))),
            description: "1 once the resource's first list is in the cache");
    }

    public void Signalled(SignalTarget target, bool local) =>
        signals.Add(1, new KeyValuePair<string, object?>("grain.type", target.ToString()), new KeyValuePair<string, object?>("placement", local ? "local" : "elsewhere"));
}
