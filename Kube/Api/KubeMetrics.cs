using System.Diagnostics.Metrics;

namespace Ccm.Kube.Api;

/// <summary>
/// Client metrics on the <c>Ccm.Kube</c> meter (named after client-go's rest_client_* series): request counts by
/// verb, resource and code; request latency; rate-limiter wait; watch events and relists (from informers).
/// </summary>
public sealed class KubeMetrics : IDisposable
{
    public const string MeterName = "Ccm.Kube";

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> requests;
    private readonly Histogram<double> requestDuration;
    private readonly Histogram<double> rateLimiterWait;
    private readonly Counter<long> watchEvents;
    private readonly Counter<long> relists;
    private readonly Counter<long> watchRestarts;

    public KubeMetrics(IMeterFactory? factory)
    {
        ownsMeter = factory is null;
        meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        requests = meter.CreateCounter<long>("kube.client.requests", "{request}", "API requests by verb, resource and HTTP code");
        requestDuration = meter.CreateHistogram<double>("kube.client.request.duration", "s", "Time to response headers");
        rateLimiterWait = meter.CreateHistogram<double>("kube.client.rate_limiter.wait", "s", "Time spent waiting for the client-side QPS limit");
        watchEvents = meter.CreateCounter<long>("kube.client.watch.events", "{event}", "Watch events delivered to informer caches");
        relists = meter.CreateCounter<long>("kube.client.relists", "{list}", "Full lists by informers (initial, after 410 Gone, after errors)");
        watchRestarts = meter.CreateCounter<long>("kube.client.watch.restarts", "{watch}", "Watches reopened after they ended or failed");
    }

    /// <summary>The meter the instruments live on (tests listen to exactly this one).</summary>
    internal Meter Meter => meter;

    internal void Request(KubeCall call, int code, TimeSpan duration)
    {
        var verb = new KeyValuePair<string, object?>("verb", call.Verb);
        var resource = new KeyValuePair<string, object?>("resource", call.RbacResource);
        requests.Add(1, verb, resource, new KeyValuePair<string, object?>("code", code));
        requestDuration.Record(duration.TotalSeconds, verb, resource);
    }

    internal void RateLimiterWait(TimeSpan wait) => rateLimiterWait.Record(wait.TotalSeconds);

    internal void WatchEvent(string resource, WatchEventType type) =>
        watchEvents.Add(1, new("resource", resource), new("type", type.ToString()));

    internal void Relist(string resource, string reason) => relists.Add(1, new("resource", resource), new("reason", reason));

    internal void WatchRestart(string resource, string reason) => watchRestarts.Add(1, new("resource", resource), new("reason", reason));

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
