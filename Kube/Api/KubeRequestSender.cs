using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.Kube.Api;

/// <summary>
/// Sends requests: client-side rate limit, bearer token, call observer, metrics, <c>Retry-After</c> handling,
/// and the mapping of error replies to <see cref="KubeApiException"/>.
/// </summary>
internal sealed partial class KubeRequestSender : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient http;
    private readonly KubeClientConfig config;
    private readonly KubeApiOptions options;
    private readonly KubeMetrics metrics;
    private readonly RateLimiter? limiter;
    private readonly ILogger logger;

    public KubeRequestSender(HttpMessageHandler handler, KubeClientConfig config, KubeApiOptions options, KubeMetrics metrics)
    {
        this.config = config;
        this.options = options;
        this.metrics = metrics;

        // Timeouts are per request (watches are long-lived), so the client itself has none.
        http = new HttpClient(handler, disposeHandler: true) { BaseAddress = config.Server, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        limiter = ClientRateLimiter.Create(options.Qps, options.Burst);
        logger = options.LoggerFactory?.CreateLogger("Ccm.Kube.Api") ?? NullLogger.Instance;
    }

    /// <summary>Sends a request and reads its whole reply within <see cref="KubeApiOptions.RequestTimeout"/>.</summary>
    public async Task<TResult> SendAsync<TResult>(
        KubeRequest request, Func<HttpResponseMessage, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await SendCoreAsync(request, timeout.Token);
            return await read(response, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Operation}: no complete reply within {options.RequestTimeout}", ex);
        }
    }

    /// <summary>Sends a request and returns the successful response with its body unread (a watch stream).</summary>
    public Task<HttpResponseMessage> OpenStreamAsync(KubeRequest request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, cancellationToken);

    public void Dispose()
    {
        http.Dispose();
        limiter?.Dispose();
    }

    private async Task<HttpResponseMessage> SendCoreAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        options.CallObserver?.OnCall(request.Call);
        for (var attempt = 0; ; attempt++)
        {
            await WaitForRateLimitAsync(cancellationToken);
            using var message = await BuildAsync(request, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            metrics.Request(request.Call, (int)response.StatusCode, Stopwatch.GetElapsedTime(started));
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var retryAfter = RetryAfter(response);
                if (retryAfter is { } wait && attempt < options.MaxRetryAfterAttempts && IsRetryable(response.StatusCode))
                {
                    // The server said it did not process the request and when to come back (client-go checkWait).
                    LogRetryAfter(request.Operation, (int)response.StatusCode, wait);
                    await Task.Delay(wait, options.TimeProvider, cancellationToken);
                    continue;
                }

                var status = await ReadStatusAsync(response, cancellationToken);
                throw new KubeApiException(request.Operation, status, retryAfter ?? SecondsOrNull(status.Details?.RetryAfterSeconds));
            }
        }
    }

    private async ValueTask WaitForRateLimitAsync(CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        metrics.RateLimiterWait(Stopwatch.GetElapsedTime(started));
    }

    private async Task<HttpRequestMessage> BuildAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
        message.Headers.Accept.Add(Json);
        if (config.BearerToken is { } tokens)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? "application/json");
        }

        return message;
    }

    private static bool IsRetryable(HttpStatusCode code) => code == HttpStatusCode.TooManyRequests || (int)code is >= 500 and <= 599;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - options.TimeProvider.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > options.MaxRetryAfter ? options.MaxRetryAfter : wait.Value;
    }

    private static TimeSpan? SecondsOrNull(int? seconds) => seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null;

    private static async Task<Status> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize(body, KubeJsonContext.Default.Status) is { Kind: "Status" } status)
            {
                return status with { Code = status.Code ?? (int)response.StatusCode };
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, plain text): fall through to a synthesized Status.
        }

        return KubeStatusReasons.Synthesize(response.StatusCode, body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} answered {Code} with Retry-After; retrying in {Delay}")]
    private partial void LogRetryAfter(string operation, int code, TimeSpan delay);
}
