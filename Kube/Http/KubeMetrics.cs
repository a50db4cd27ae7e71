using System.Diagnostics.Metrics;

namespace Ccm.Kube.Http;

/// <summary>
/// The Kubernetes client's instruments (meter <c>Ccm.Kube</c>): requests by verb, resource and code, their latency,
/// time spent in the client-side QPS limiter, and the informers' watch events, relists and watch restarts.
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

    internal void Request(KubeCall call, int code, TimeSpan duration)
    {
        var verb = new KeyValuePair<string, object?>("verb", call.Verb);
        var resource = new KeyValuePair<string, object?>("resource", call.RbacResource);
        requests.Add(1, verb, resource, new KeyValuePair<string, object?>("code", code));
        requestDuration.Record(duration.TotalSeconds, verb, resource);
    }

    internal void RateLimiterWait(TimeSpan wait) => rateLimiterWait.Record(wait.TotalSeconds);

    internal void WatchEvent(string resource, string type) => watchEvents.Add(1, new("resource", resource), new("type", type));

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
