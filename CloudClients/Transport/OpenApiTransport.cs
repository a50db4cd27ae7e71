using System.Diagnostics;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Observability;
using Microsoft.Extensions.Logging;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// The call pipeline for one product: read-only guard, client-side budget, credential, signed attempt, retry per
/// <see cref="RetryPolicy.ShouldRetry"/> with <see cref="Backoff"/>, metrics and the dashboard recorder. Logs carry
/// <c>{Product}</c>, <c>{Action}</c>, <c>{RequestId}</c>, <c>{Code}</c>, never a credential.
/// </summary>
public sealed class OpenApiTransport : IOpenApiTransport
{
    private readonly CloudClientOptions options;
    private readonly ICredentialProvider credentials;
    private readonly RateLimiter? limiter;
    private readonly OpenApiExchange exchange;
    private readonly CloudClientMetrics metrics;
    private readonly CloudCallRecorder recorder;
    private readonly Backoff backoff;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public OpenApiTransport(
        CloudProduct product, Uri endpoint, CloudClientOptions options, HttpClient http, ICredentialProvider credentials,
        RateLimiter? limiter, CloudClientMetrics metrics, CloudCallRecorder recorder, TimeProvider time, ILogger<OpenApiTransport> logger,
        Backoff? backoff = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.RegionId, "CloudClientOptions.RegionId");
        Product = product;
        Endpoint = endpoint;
        this.options = options;
        this.credentials = credentials;
        this.limiter = limiter;
        this.metrics = metrics;
        this.recorder = recorder;
        this.time = time;
        this.logger = logger;
        this.backoff = backoff ?? Backoff.FromOptions(options);
        exchange = new OpenApiExchange(http, options.SignatureVersion == SignatureVersion.V2 ? new RpcV2Signer() : new Acs3Signer());
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
            await WaitForBudgetAsync(action, cancellationToken);
            var input = new SigningInput(Endpoint, Product, action.Name, sent, await credentials.GetCredentialAsync(cancellationToken),
                Guid.NewGuid().ToString("N"), time.GetUtcNow(), options.UserAgent);
            var started = Stopwatch.GetTimestamp();
            var result = await exchange.SendAsync(input, responseType, options.Timeout, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var failure = result.Failure;
            Observe(action, elapsed, failure);
            if (failure is null)
            {
                logger.LogDebug("{Product} {Action} succeeded in {ElapsedMs:0} ms, RequestId {RequestId}, attempt {Attempt}",
                    Product.Name, action.Name, elapsed.TotalMilliseconds, result.Value!.RequestId, attempt);
                return result.Value;
            }

            if (attempt >= options.MaxAttempts || !RetryPolicy.ShouldRetry(action, failure))
            {
                logger.LogDebug("{Product} {Action} failed with {Code} (HTTP {HttpStatus}), RequestId {RequestId}, after {Attempt} attempts",
                    Product.Name, action.Name, failure.Code, failure.HttpStatus, failure.RequestId, attempt);
                throw new OpenApiException(Product.Name, action.Name, failure, attempt, result.Error);
            }

            var delay = backoff.Delay(attempt, failure.TimeLeft);
            metrics.Retry(Product.Name, action.Name, failure.Code);
            recorder.RecordRetry(Product.Name, action.Name);
            logger.LogWarning("{Product} {Action} attempt {Attempt} failed with {Code} (HTTP {HttpStatus}), RequestId {RequestId}; retrying in {DelayMs:0} ms",
                Product.Name, action.Name, attempt, failure.Code, failure.HttpStatus, failure.RequestId, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task WaitForBudgetAsync(CloudAction action, CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        metrics.RateLimitWait(Product.Name, Stopwatch.GetElapsedTime(started));
        if (!lease.IsAcquired)
        {
            // Only when more callers queue than QueueLimit allows: failing fast beats an unbounded backlog.
            var failure = new CallFailure(FailureKind.NotSent, OpenApiErrorCodes.ClientRateLimited, "client-side rate limit queue is full", null, null);
            throw new OpenApiException(Product.Name, action.Name, failure, 0);
        }
    }

    private void Observe(CloudAction action, TimeSpan elapsed, CallFailure? failure)
    {
        var throttled = failure is not null && RetryPolicy.IsThrottling(failure.Code);
        metrics.Attempt(Product.Name, action.Name, elapsed, failure?.Code, throttled);
        recorder.RecordAttempt(Product.Name, action.Name, elapsed, failure?.Code, throttled);
    }

    public override string ToString() => $"OpenApiTransport {{ {Product.Name} at {Endpoint}, {options.SignatureVersion} }}";
}
