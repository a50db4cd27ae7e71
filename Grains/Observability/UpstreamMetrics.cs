using System.Diagnostics.Metrics;

namespace Ccm.Grains.Observability;

/// <summary>
/// The upstream CCM's own series (its <c>pkg/util/metric/metrics.go</c>), under their names, label names, label values
/// and buckets, so dashboards and alerts written for it keep working. Every label value is one of the constants below:
/// no Service, node or route table ever becomes a label.
/// </summary>
/// <remarks>
/// <para>Upstream's <c>ccm_slb_operation_result</c> is a client_golang counter served in the classic text format, where
/// it has no <c>_total</c>. A counter here would be exported as <c>ccm_slb_operation_result_total</c>, and OpenMetrics
/// (which Prometheus asks for first) requires that suffix whatever the exporter is told, so the series is a sum that only
/// goes up but is exported as a gauge: its name, labels and values are upstream's in every format, and
/// <c>rate</c>/<c>increase</c> read it as before.</para>
/// <para>Upstream measures whole milliseconds (<c>MsSince</c>); so does this.</para>
/// </remarks>
public sealed class UpstreamMetrics
{
    public const string MeterName = "Ccm.Grains.Upstream";

    public const string NodeLatencyName = "ccm_node_latencies_duration_milliseconds";
    public const string RouteLatencyName = "ccm_route_latencies_duration_milliseconds";
    public const string SlbLatencyName = "ccm_slb_latencies_duration_milliseconds";
    public const string SlbResultName = "ccm_slb_operation_result";

    /// <summary>Upstream's <c>type</c> label: the only load balancer kind this CCM manages.</summary>
    public const string ClbType = "CLBType";

    /// <summary>Upstream's buckets for all three latency histograms, in milliseconds (500 ms to 800 s).</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [500, 700, 1000, 1500, 2000, 3000, 4000, 5000, 7000, 8000, 9000, 10000, 30000, 60000, 100000, 150000, 200000, 300000, 600000, 700000, 800000];

    private readonly TimeProvider time;
    private readonly Histogram<double> nodeLatency;
    private readonly Histogram<double> routeLatency;
    private readonly Histogram<double> slbLatency;
    private readonly UpDownCounter<long> slbResult;

    public UpstreamMetrics(IMeterFactory meters, TimeProvider time)
    {
        this.time = time;
        var meter = meters.Create(MeterName);
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = [.. LatencyBuckets] };
        nodeLatency = meter.CreateHistogram(NodeLatencyName, "ms", "CCM node reconcile latency distribution in milliseconds for each verb.", advice: buckets);
        routeLatency = meter.CreateHistogram(RouteLatencyName, "ms", "CCM route reconcile latency distribution in milliseconds for each verb.", advice: buckets);
        slbLatency = meter.CreateHistogram(SlbLatencyName, "ms", "CCM load balancer reconcile latency distribution in milliseconds for each verb.", advice: buckets);
        slbResult = meter.CreateUpDownCounter<long>(SlbResultName, description: "CCM load balancer operation result");
    }

    /// <summary>Times one node turn until disposed, failed or not (upstream defers the observation).</summary>
    public UpstreamTiming NodeTurn(NodeVerb verb) => new(nodeLatency, time, [new("verb", verb.Label())]);

    /// <summary>Times one route table turn until disposed (verb <c>reconcile</c>).</summary>
    public UpstreamTiming RouteReconcile() => new(routeLatency, time, [new("verb", "reconcile")]);

    /// <summary>Times one route create call until disposed (verb <c>create</c>), whatever its answer.</summary>
    public UpstreamTiming RouteCreate() => new(routeLatency, time, [new("verb", "create")]);

    /// <summary>One successful load balancer operation's latency (see <see cref="SlbOperationRecorder"/> for when).</summary>
    public void SlbLatency(SlbVerb verb, TimeSpan elapsed) =>
        slbLatency.Record(UpstreamTiming.WholeMilliseconds(elapsed), new("type", ClbType), new("verb", verb.ToString()));

    /// <summary>One load balancer operation's outcome: <c>Success</c> or <c>Fail</c>.</summary>
    public void SlbResult(SlbVerb verb, bool succeeded) =>
        slbResult.Add(1, new("type", ClbType), new("verb", verb.ToString()), new("status", succeeded ? "Success" : "Fail"));
}
