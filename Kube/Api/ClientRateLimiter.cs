using System.Threading.RateLimiting;

namespace Ccm.Kube.Api;

/// <summary>
/// client-go's token bucket (flowcontrol.NewTokenBucketRateLimiter): <c>burst</c> tokens, refilled at <c>qps</c>
/// per second; callers wait in order for a token.
/// </summary>
internal static class ClientRateLimiter
{
    public static RateLimiter? Create(double qps, int burst)
    {
        if (qps <= 0)
        {
            return null;
        }

        // One token every 1/qps seconds; the limiter's timer has ~ms resolution, so very high rates refill in batches.
        var period = TimeSpan.FromSeconds(1 / qps);
        var tokensPerPeriod = 1;
        if (period < TimeSpan.FromMilliseconds(10))
        {
            tokensPerPeriod = (int)Math.Ceiling(qps / 100);
            period = TimeSpan.FromSeconds(tokensPerPeriod / qps);
        }

        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
