using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.CloudClients.Tests.Fakes;

/// <summary>
/// A <see cref="CloudCallBudget"/> on a <see cref="FakeTimeProvider"/>: tokens accrue only when a test advances the clock,
/// and the budget's timer fires inside <see cref="Advance"/>, so which waiter got a permit is known when it returns.
/// Adaptive rates are off unless a test passes options.
/// </summary>
public sealed class TestBudget : IDisposable
{
    public const string Action = "DescribeLoadBalancers";

    public TestBudget(string limits, AdaptiveRateOptions? adaptive = null, ILoggerFactory? loggers = null)
    {
        Budget = new CloudCallBudget(CloudRateLimitText.Parse(limits), adaptive ?? new AdaptiveRateOptions { Enabled = false },
            TimeSpan.FromSeconds(30), Time, metrics: null, loggers);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public CloudCallBudget Budget { get; }

    /// <summary>An SLB permit for <paramref name="action"/>, asked for inside a scope of <paramref name="priority"/> and <paramref name="key"/>.</summary>
    public Task<Permit> Acquire(CloudCallPriority priority, string key, string action = Action, CancellationToken cancellationToken = default)
    {
        using var scope = CloudCallScope.Begin(priority, key);
        return Budget.AcquireAsync(CloudProduct.Slb, action, cancellationToken).AsTask();
    }

    /// <summary>Takes every token at hand, so the next caller has to queue.</summary>
    public void Drain(string action = Action)
    {
        var bucket = Budget.BucketFor("SLB", action)!;
        while (bucket.Tokens >= 1)
        {
            Assert.True(Acquire(CloudCallPriority.Event, "drain", action).IsCompletedSuccessfully);
        }
    }

    /// <summary>Tokens at hand in the bucket that paces <paramref name="action"/> (negative while paused).</summary>
    public double Tokens(string action = Action) => Budget.BucketFor("SLB", action)!.Tokens;

    public CloudBudgetState State(string action = CloudCallBudget.ProductWide) =>
        Budget.Snapshot().Single(s => s.Product == "SLB" && s.Action == action);

    public void Advance(TimeSpan by) => Time.Advance(by);

    public void Dispose() => Budget.Dispose();
}
