using System.Diagnostics.Metrics;
using Ccm.CloudClients.Transport.Budget;

namespace Ccm.CloudClients.Observability;

/// <summary>
/// System.Diagnostics.Metrics instruments for every OpenAPI attempt and for the client-side budget. Tags are product,
/// action, error code and priority class: values chosen by the API or by configuration, never by the caller (caller
/// keys are never a label), so no secret and no unbounded cardinality can enter.
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
    private readonly Histogram<double> permitWait;
    private readonly Counter<long> rateChanges;
    private readonly List<CloudCallBudget> budgets = [];

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
        permitWait = meter.CreateHistogram<double>("ccm.cloud.ratelimit.wait", "s", "Time a call queued for a client-side permit, by priority class");
        rateChanges = meter.CreateCounter<long>("ccm.cloud.ratelimit.adjustments", "{change}", "Adaptive budget rate changes, by direction (down after a slow-down answer, up after a quiet period)");
        meter.CreateObservableGauge("ccm.cloud.ratelimit.rate", () => Budgets<double>(s => [new(s.Rate, BucketTags(s))]), "{permit}/s",
            "Current permits per second of each client-side budget (the configured rate unless slow-down answers lowered it)");
        meter.CreateObservableGauge("ccm.cloud.ratelimit.waiters", () => Budgets<int>(s =>
            [
                new(s.EventWaiters, [.. BucketTags(s), new("priority", nameof(CloudCallPriority.Event))]),
                new(s.ResyncWaiters, [.. BucketTags(s), new("priority", nameof(CloudCallPriority.Resync))]),
            ]), "{call}", "Calls queued for a client-side permit, by priority class");
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

    internal void PermitWait(string product, CloudCallPriority priority, TimeSpan waited) =>
        permitWait.Record(waited.TotalSeconds, [new("product", product), new("priority", priority.ToString())]);

    internal void RateChanged(string product, string action, bool lowered) =>
        rateChanges.Add(1, [new("product", product), new("action", action), new("direction", lowered ? "down" : "up")]);

    /// <summary>Reports <paramref name="budget"/>'s buckets through the observable gauges until it is forgotten.</summary>
    internal void Observe(CloudCallBudget budget)
    {
        lock (budgets)
        {
            budgets.Add(budget);
        }
    }

    internal void Forget(CloudCallBudget budget)
    {
        lock (budgets)
        {
            budgets.Remove(budget);
        }
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string product, string action) => [new("product", product), new("action", action)];

    private static KeyValuePair<string, object?>[] BucketTags(CloudBudgetState state) => Tags(state.Product, state.Action);

    private IEnumerable<Measurement<T>> Budgets<T>(Func<CloudBudgetState, IEnumerable<Measurement<T>>> measure)
        where T : struct
    {
        CloudCallBudget[] observed;
        lock (budgets)
        {
            observed = [.. budgets];
        }

        return [.. observed.SelectMany(b => b.Snapshot()).SelectMany(measure)];
    }
}
