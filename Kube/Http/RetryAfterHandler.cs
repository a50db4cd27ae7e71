using System.Net;

namespace Ccm.Kube.Http;

/// <summary>
/// client-go's rule for an overloaded API server: a 429 or 5xx that carries <c>Retry-After</c> is sent again after
/// the delay the server asked for (capped), up to a number of attempts; then the answer goes to the caller. Safe for
/// every verb because the server did not process the request (API Priority and Fairness rejects before handling).
/// One 504 is not sent again though it carries <c>Retry-After</c>: "Too large resource version" (cause
/// <c>ResourceVersionTooLarge</c>). The server has already waited for the version asked for; the answer says it is behind
/// the client (restarted with lost state, or a lagging replica), and the cure is the caller's relist. Ten more attempts
/// would only delay that relist by about forty seconds, every change made meanwhile unseen.
/// </summary>
public sealed class RetryAfterHandler(int maxAttempts = 10, TimeSpan? maxDelay = null, TimeProvider? time = null) : DelegatingHandler
{
    private readonly TimeSpan cap = maxDelay ?? TimeSpan.FromSeconds(30);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (attempt >= maxAttempts || DelayOf(response, clock.GetUtcNow()) is not { } delay || await IsTooLargeResourceVersionAsync(response, cancellationToken))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(delay < cap ? delay : cap, clock, cancellationToken);
        }
    }

    private static async Task<bool> IsTooLargeResourceVersionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.GatewayTimeout)
        {
            return false;
        }

        // A Status of a few hundred bytes; buffered, so the caller still reads it.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("ResourceVersionTooLarge", StringComparison.Ordinal) || body.Contains("Too large resource version", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How long the server asked us to stay away, when it did and the status allows a retry.</summary>
    internal static TimeSpan? DelayOf(HttpResponseMessage response, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode != HttpStatusCode.TooManyRequests && status / 100 != 5)
        {
            return null;
        }

        var retryAfter = response.Headers.RetryAfter;
        var asked = retryAfter?.Delta ?? (retryAfter?.Date - now);
        return asked is null ? null : asked > TimeSpan.Zero ? asked : TimeSpan.Zero;
    }
}
