using System.Collections.Frozen;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// The process's client-side budget for cloud calls (register once, as a singleton: the DI extension does). Alibaba
/// Cloud throttles per account, region and API, so every grain must draw from one budget instead of each discovering
/// the limit through <c>Throttling</c> answers. Each entry of <see cref="CloudClientOptions.RateLimits"/> is one bucket:
/// a product's (<c>SLB</c>) is shared by its actions; an action's (<c>SLB.CreateVServerGroup</c>) replaces the product's
/// for that action. A rate of 0, or no entry, is unlimited. Priorities, fairness and waiting: see <see cref="CloudCallScope"/>.
/// </summary>
public sealed class CloudCallBudget : IDisposable
{
    /// <summary>The <see cref="CloudBudgetState.Action"/> of a product's shared bucket.</summary>
    public const string ProductWide = "*";

    private readonly FrozenDictionary<string, ProductBuckets> products;
    private readonly CloudClientMetrics? metrics;

    public CloudCallBudget(CloudClientOptions options, TimeProvider time, CloudClientMetrics? metrics = null, ILoggerFactory? loggers = null)
        : this(options.RateLimits, options.AdaptiveRate, options.MaxThrottleDelay, time, metrics, loggers)
    {
    }

    /// <exception cref="ArgumentException">An entry names an unknown product or has an invalid rate or burst; the message names it.</exception>
    public CloudCallBudget(
        IReadOnlyDictionary<string, CloudRateLimit> limits, AdaptiveRateOptions adaptive, TimeSpan maxPause, TimeProvider time,
        CloudClientMetrics? metrics = null, ILoggerFactory? loggers = null)
    {
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<CloudCallBudget>();
        PermitBucket? Bucket(string product, string action, CloudRateLimit limit) =>
            limit.PermitsPerSecond > 0 ? new PermitBucket(product, action, limit, adaptive, maxPause, time, metrics, logger) : null;

        var entries = limits.Select(p => (Key: ParseKey(p.Key, p.Value), Limit: p.Value)).ToList();
        products = CloudProduct.All.ToFrozenDictionary(
            p => p.Name,
            p => new ProductBuckets(
                entries.Where(e => e.Key.Product == p.Name && e.Key.Action is null).Select(e => Bucket(p.Name, ProductWide, e.Limit)).FirstOrDefault(),
                entries.Where(e => e.Key.Product == p.Name && e.Key.Action is not null)
                    .ToFrozenDictionary(e => e.Key.Action!, e => Bucket(p.Name, e.Key.Action!, e.Limit), StringComparer.OrdinalIgnoreCase)),
            StringComparer.OrdinalIgnoreCase);
        this.metrics = metrics;
        metrics?.Observe(this);
    }

    /// <summary>
    /// Waits for a permit to send one attempt of <paramref name="action"/>, queued as the ambient <see cref="CloudCallScope"/>.
    /// Only <paramref name="cancellationToken"/> ends the wait early; the wait is added to the scope's <see cref="CloudCallScope.PermitWait"/>.
    /// </summary>
    public ValueTask<Permit> AcquireAsync(CloudProduct product, string action, CancellationToken cancellationToken) =>
        BucketFor(product.Name, action) is { } bucket ? bucket.AcquireAsync(cancellationToken) : ValueTask.FromResult(Permit.Unlimited);

    /// <summary>The cloud answered an attempt sent on <paramref name="permit"/> with a slow-down code (<see cref="IsSlowDown"/>).</summary>
    public void SlowDown(CloudProduct product, string action, Permit permit, string code, TimeSpan? timeLeft)
    {
        if (permit.Metered)
        {
            BucketFor(product.Name, action)?.SlowDown(permit, code, timeLeft);
        }
    }

    /// <summary>
    /// Answers that mean "send less": the throttling family (<c>Throttling</c>, <c>Throttling.User</c>, <c>Throttling.Api</c>,
    /// reference aliyun-api.md §2; <c>Rejected.Throttling</c>, which Terraform's retry list adds) and <c>ServiceUnavailable</c>,
    /// the gateway shedding load.
    /// </summary>
    public static bool IsSlowDown(string code) =>
        RetryPolicy.IsThrottling(code) || code is "Rejected.Throttling" or "ServiceUnavailable";

    /// <summary>Every limited bucket, ordered by product then action.</summary>
    public IReadOnlyList<CloudBudgetState> Snapshot() =>
    [
        .. products.Values.SelectMany(p => p.All).Select(b => b.State)
            .OrderBy(s => s.Product, StringComparer.Ordinal).ThenBy(s => s.Action, StringComparer.Ordinal),
    ];

    /// <summary>The bucket that paces <paramref name="action"/>: its own, else its product's; null when unlimited.</summary>
    internal PermitBucket? BucketFor(string product, string action) =>
        !products.TryGetValue(product, out var buckets) ? null
        : buckets.Actions.TryGetValue(action, out var own) ? own
        : buckets.Shared;

    public void Dispose()
    {
        metrics?.Forget(this);
        foreach (var bucket in products.Values.SelectMany(p => p.All))
        {
            bucket.Dispose();
        }
    }

    private static (string Product, string? Action) ParseKey(string key, CloudRateLimit limit)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? key : key[..dot];
        var product = CloudProduct.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{CloudClientOptions.SectionName}:RateLimits has an entry '{key}' for an unknown product; "
                + $"use {string.Join(", ", CloudProduct.All.Select(p => p.Name))}, optionally with an action (SLB.CreateVServerGroup)");
        if (double.IsNaN(limit.PermitsPerSecond) || limit.PermitsPerSecond < 0)
        {
            throw new ArgumentException($"{CloudClientOptions.SectionName}:RateLimits:{key}: PermitsPerSecond must be 0 (unlimited) or positive");
        }

        if (limit.PermitsPerSecond > 0 && (limit.Burst < 1 || limit.QueueLimit < 1))
        {
            throw new ArgumentException($"{CloudClientOptions.SectionName}:RateLimits:{key}: Burst and QueueLimit must be at least 1");
        }

        return (product.Name, dot < 0 ? null : key[(dot + 1)..]);
    }

    private sealed record ProductBuckets(PermitBucket? Shared, FrozenDictionary<string, PermitBucket?> Actions)
    {
        public IEnumerable<PermitBucket> All => Actions.Values.Prepend(Shared).OfType<PermitBucket>();
    }
}
