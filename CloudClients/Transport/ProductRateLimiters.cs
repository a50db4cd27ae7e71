using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Ccm.CloudClients.Endpoints;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// One client-side token bucket per product, shared by every client in the process (register this once, as a
/// singleton: the DI extension does). Alibaba Cloud throttles per account, region and API, so many grains calling
/// at once must share one budget instead of each discovering the limit through <c>Throttling</c> errors.
/// </summary>
public sealed class ProductRateLimiters(IReadOnlyDictionary<string, ProductRateLimit> limits) : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter?> limiters = new(StringComparer.OrdinalIgnoreCase);

    public ProductRateLimiters(CloudClientOptions options)
        : this(options.RateLimits)
    {
    }

    /// <summary>The product's limiter, or null when its budget is unlimited (<c>PermitsPerSecond &lt;= 0</c>).</summary>
    public RateLimiter? For(CloudProduct product) => limiters.GetOrAdd(product.Name, name => Create(limits.GetValueOrDefault(name)));

    internal static RateLimiter? Create(ProductRateLimit? limit)
    {
        if (limit is null || limit.PermitsPerSecond <= 0)
        {
            return null;
        }

        // Replenish in slices of 100 ms when the rate allows whole tokens per slice, so high rates do not need a
        // millisecond timer; slower rates add one token per 1/rate seconds.
        var (tokens, period) = limit.PermitsPerSecond >= 10
            ? ((int)Math.Round(limit.PermitsPerSecond / 10), TimeSpan.FromMilliseconds(100))
            : (1, TimeSpan.FromSeconds(1 / limit.PermitsPerSecond));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limit.Burst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = limit.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var limiter in limiters.Values)
        {
            if (limiter is not null)
            {
                await limiter.DisposeAsync();
            }
        }
    }
}
