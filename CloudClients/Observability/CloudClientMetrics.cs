using System.Diagnostics.Metrics;

namespace Ccm.CloudClients.Observability;

/// <summary>
/// System.Diagnostics.Metrics instruments for every OpenAPI attempt. Tags are product, action and error code:
/// values chosen by the API, never by the caller, so no secret and no unbounded cardinality can enter.
/// </summary>
public sealed class CloudClientMetrics : IDisposable
{
    public const string MeterName = "Ccm.CloudClients";

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> requests;
    private readonly Counter<long> errors;
    private readonly Counter<long> throttles;
    private readonly Counter<long> retries;
    private readonly Histogram<double> duration;
    private readonly Histogram<double> rateLimitWait;

    public CloudClientMetrics(IMeterFactory? meterFactory = null)
    {
        // A factory's meter belongs to the factory (it disposes it); one we create is ours to dispose.
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        requests = meter.CreateCounter<long>("ccm.cloud.requests", "{request}", "OpenAPI requests sent (each attempt counts)");
        errors = meter.CreateCounter<long>("ccm.cloud.errors", "{request}", "OpenAPI requests that failed, by error code");
        throttles = meter.CreateCounter<long>("ccm.cloud.throttles", "{request}", "OpenAPI requests answered with Throttling*");
        retries = meter.CreateCounter<long>("ccm.cloud.retries", "{retry}", "OpenAPI requests repeated after a transient failure");
        duration = meter.CreateHistogram<double>("ccm.cloud.request.duration", "s", "Time from sending an OpenAPI request to its answer");
        rateLimitWait = meter.CreateHistogram<double>("ccm.cloud.ratelimit.wait", "s", "Time spent waiting for the client-side product budget");
    }

    internal void Attempt(string product, string action, TimeSpan elapsed, string? code, bool throttled)
    {
        var tags = Tags(product, action);
        requests.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
        if (code is not null)
        {
            errors.Add(1, [new("product", product), new("action", action), new("code", code)]);
        }

        if (throttled)
        {
            throttles.Add(1, tags);
        }
    }

    internal void Retry(string product, string action, string code) =>
        retries.Add(1, [new("product", product), new("action", action), new("code", code)]);

    internal void RateLimitWait(string product, TimeSpan waited) =>
        rateLimitWait.Record(waited.TotalSeconds, [new("product", product)]);

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string product, string action) => [new("product", product), new("action", action)];
}
