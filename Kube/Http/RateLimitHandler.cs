using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Ccm.Kube.Http;

/// <summary>
/// client-go's client-side limit (<c>--kube-api-qps</c>, <c>--kube-api-burst</c>): a token bucket every request waits
/// for, oldest first, watches included (opening a watch is a request; its stream is not limited).
/// </summary>
public sealed class RateLimitHandler : DelegatingHandler
{
    private readonly RateLimiter? limiter;
    private readonly KubeMetrics? metrics;

    /// <param name="qps">Sustained requests per second; 0 or less disables the limit.</param>
    /// <param name="burst">Requests allowed at once.</param>
    /// <param name="metrics">Where waits are measured.</param>
    public RateLimitHandler(double qps, int burst, KubeMetrics? metrics = null)
    {
        this.metrics = metrics;
        if (qps <= 0)
        {
            return;
        }

        // One token every 1/qps seconds; the limiter's timer has ~ms resolution, so very high rates refill in batches.
        var period = TimeSpan.FromSeconds(1 / qps);
        var tokensPerPeriod = 1;
        if (period < TimeSpan.FromMilliseconds(10))
        {
            tokensPerPeriod = (int)Math.Ceiling(qps / 100);
            period = TimeSpan.FromSeconds(tokensPerPeriod / qps);
        }

        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (limiter is not null)
        {
            var started = Stopwatch.GetTimestamp();
            using var lease = await limiter.AcquireAsync(1, cancellationToken);
            metrics?.RateLimiterWait(Stopwatch.GetElapsedTime(started));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            limiter?.Dispose();
        }

        base.Dispose(disposing);
    }
}
