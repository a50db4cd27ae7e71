using System.Diagnostics;
using System.Text.Json.Serialization.Metadata;
using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// The call pipeline for one product: read-only guard, client-side budget (a permit per attempt, queued as the ambient
/// <see cref="CloudCallScope"/>), credential, signed attempt (its timeout starts once the permit is granted), retry per
/// <see cref="RetryPolicy.ShouldRetry"/> with <see cref="Backoff"/>, metrics and the dashboard recorder. A slow-down
/// answer on a metered call slows its budget instead of sleeping: the retry waits in the budget's queue, where the wait
/// counts as permit wait, not work. Logs carry <c>{Product}</c>, <c>{Action}</c>, <c>{RequestId}</c>, <c>{Code}</c>, never a credential.
/// </summary>
public sealed class OpenApiTransport : IOpenApiTransport
{
    private readonly CloudClientOptions options;
    private readonly ICredentialProvider credentials;
    private readonly CloudCallBudget? budget;
    private readonly OpenApiExchange exchange;
    private readonly CloudClientMetrics metrics;
    private readonly CloudCallRecorder recorder;
    private readonly Backoff backoff;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public OpenApiTransport(
        CloudProduct product, Uri endpoint, CloudClientOptions options, HttpClient http, ICredentialProvider credentials,
        CloudCallBudget? budget, CloudClientMetrics metrics, CloudCallRecorder recorder, TimeProvider time, ILogger<OpenApiTransport> logger,
        Backoff? backoff = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.RegionId, "CloudClientOptions.RegionId");
        Product = product;
        Endpoint = endpoint;
        this.options = options;
        this.credentials = credentials;
        this.budget = budget;
        this.metrics = metrics;
        this.recorder = recorder;
        this.time = time;
        this.logger = logger;
        this.backoff = backoff ?? Backoff.FromOptions(options);
        exchange = new OpenApiExchange(http, options.SignatureVersion == SignatureVersion.V2 ? new RpcV2Signer() : new Acs3Signer(), time);
    }

    public CloudProduct Product { get; }

    public Uri Endpoint { get; }

    public async Task<T> CallAsync<T>(CloudAction action, RpcParameters parameters, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class, IOpenApiResponse
    {
        if (action.IsWrite && options.ReadOnly)
        {
            logger.LogInformation("Refused {Product} {Action}: the cloud client is read-only", Product.Name, action.Name);
            throw new ReadOnlyModeException(Product.Name, action.Name);
        }

        // RegionId is always sent, even where a model marks it optional (reference §4 conventions).
        List<KeyValuePair<string, string>> sent = [new("RegionId", options.RegionId), .. parameters];
        logger.LogTrace("Calling {Product} {Action} with {Parameters}", Product.Name, action.Name, ParameterRedaction.Format(sent));
        for (var attempt = 1; ; attempt++)
        {
            var permit = await WaitForBudgetAsync(action, cancellationToken);
            var input = new SigningInput(Endpoint, Product, action.Name, sent, await credentials.GetCredentialAsync(cancellationToken),
                Guid.NewGuid().ToString("N"), time.GetUtcNow(), options.UserAgent);
            var started = Stopwatch.GetTimestamp();
            var result = await exchange.SendAsync(input, responseType, options.Timeout, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var failure = result.Failure;
            Observe(action, elapsed, failure);
            if (failure is null)
            {
                logger.LogDebug("{Product} {Action} succeeded in {ElapsedMs:0} ms after {PermitWaitMs:0} ms waiting for budget, RequestId {RequestId}, attempt {Attempt}",
                    Product.Name, action.Name, elapsed.TotalMilliseconds, permit.Waited.TotalMilliseconds, result.Value!.RequestId, attempt);
                return result.Value;
            }

            var slowDown = CloudCallBudget.IsSlowDown(failure.Code);
            if (slowDown)
            {
                budget?.SlowDown(Product, action.Name, permit, failure.Code, failure.TimeLeft);
            }

            if (attempt >= options.MaxAttempts || !RetryPolicy.ShouldRetry(action, failure))
            {
                logger.LogDebug("{Product} {Action} failed with {Code} (HTTP {HttpStatus}), RequestId {RequestId}, after {Attempt} attempts",
                    Product.Name, action.Name, failure.Code, failure.HttpStatus, failure.RequestId, attempt);
                throw new OpenApiException(Product.Name, action.Name, failure, attempt, result.Error);
            }

            // The budget now holds the retry back (paused for TimeLeft, rate cut) and serves it in turn; sleeping here
            // as well would leave the cloud's refilled tokens unused while the caller's time runs.
            var delay = slowDown && permit.Metered ? TimeSpan.Zero : backoff.Delay(attempt, failure.TimeLeft);
            metrics.Retry(Product.Name, action.Name, failure.Code);
            recorder.RecordRetry(Product.Name, action.Name);
            logger.LogWarning("{Product} {Action} attempt {Attempt} failed with {Code} (HTTP {HttpStatus}), RequestId {RequestId}; retrying in {DelayMs:0} ms",
                Product.Name, action.Name, attempt, failure.Code, failure.HttpStatus, failure.RequestId, delay.TotalMilliseconds);
            // A timer fires on its tick (a millisecond here), so one delay can end a hair before the service's TimeLeft
            // has passed; what is left is waited out, so a retry never comes back early.
            var since = time.GetTimestamp();
            for (var left = delay; left > TimeSpan.Zero; left = delay - time.GetElapsedTime(since))
            {
                await Task.Delay(left, time, cancellationToken);
            }
        }
    }

    private async Task<Permit> WaitForBudgetAsync(CloudAction action, CancellationToken cancellationToken)
    {
        if (budget is null)
        {
            return Permit.Unlimited;
        }

        var permit = await budget.AcquireAsync(Product, action.Name, cancellationToken);
        if (!permit.Granted)
        {
            // Only when more callers of one priority class queue than QueueLimit allows: failing fast beats an unbounded backlog.
            var failure = new CallFailure(FailureKind.NotSent, OpenApiErrorCodes.ClientRateLimited, "client-side rate limit queue is full", null, null);
            throw new OpenApiException(Product.Name, action.Name, failure, 0);
        }

        return permit;
    }

    private void Observe(CloudAction action, TimeSpan elapsed, CallFailure? failure)
    {
        var throttled = failure is not null && RetryPolicy.IsThrottling(failure.Code);
        metrics.Attempt(Product.Name, action.Name, elapsed, failure?.Code, throttled);
        recorder.RecordAttempt(Product.Name, action.Name, elapsed, failure?.Code, throttled);
    }

    public override string ToString() => $"OpenApiTransport {{ {Product.Name} at {Endpoint}, {options.SignatureVersion} }}";
}
