using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>Which bucket paces a call: the action's own entry, else the product's shared one, else none.</summary>
public class CloudCallBudgetTests
{
    [Fact]
    public async Task An_action_with_its_own_limit_draws_from_its_own_bucket_instead_of_the_products()
    {
        using var budget = new TestBudget("SLB=10:2,SLB.CreateVServerGroup=1:1");

        var own = await budget.Acquire(CloudCallPriority.Event, "a", "CreateVServerGroup");
        var queued = budget.Acquire(CloudCallPriority.Event, "a", "CreateVServerGroup");
        var shared = new[] { budget.Acquire(CloudCallPriority.Event, "a"), budget.Acquire(CloudCallPriority.Event, "a", "DescribeVServerGroups") };

        Assert.True(own.Granted);
        Assert.False(queued.IsCompleted);
        Assert.All(shared, s => Assert.True(s.IsCompletedSuccessfully));
        Assert.Equal((1, 0, 1), (budget.State("CreateVServerGroup").EventWaiters, budget.State().EventWaiters, budget.State("CreateVServerGroup").Rate));
    }

    [Fact]
    public async Task Actions_without_an_entry_share_their_products_bucket()
    {
        using var budget = new TestBudget("SLB=1:2");

        await budget.Acquire(CloudCallPriority.Event, "a", "DescribeLoadBalancers");
        await budget.Acquire(CloudCallPriority.Event, "b", "DescribeVServerGroups");

        Assert.False(budget.Acquire(CloudCallPriority.Event, "c", "CreateLoadBalancer").IsCompleted);
    }

    [Fact]
    public async Task A_zero_rate_or_a_missing_entry_is_unlimited()
    {
        using var budget = new TestBudget("SLB=1:1,SLB.DescribeRegions=0,VPC=0");

        var permits = new List<Permit>();
        for (var i = 0; i < 100; i++)
        {
            permits.Add(await budget.Budget.AcquireAsync(CloudProduct.Slb, "DescribeRegions", default));
            permits.Add(await budget.Budget.AcquireAsync(CloudProduct.Vpc, "DescribeVpcs", default));
            permits.Add(await budget.Budget.AcquireAsync(CloudProduct.Ecs, "DescribeInstances", default));
        }

        Assert.All(permits, p => Assert.Equal(Permit.Unlimited, p));
        Assert.Equal(["SLB"], budget.Budget.Snapshot().Select(s => s.Product));
    }

    [Fact]
    public void A_late_timer_never_releases_more_than_a_burst_at_once()
    {
        using var budget = new TestBudget("SLB=10:3");
        budget.Drain();
        var waiting = Enumerable.Range(0, 20).Select(i => budget.Acquire(CloudCallPriority.Resync, $"k{i}")).ToList();

        budget.Advance(TimeSpan.FromSeconds(2)); // twenty tokens' worth of time passes before the timer runs

        Assert.Equal(3, waiting.Count(w => w.IsCompleted));
    }

    [Fact]
    public void An_entry_for_an_unknown_product_is_refused_with_its_name()
    {
        var limits = new Dictionary<string, CloudRateLimit> { ["NLB"] = new() { PermitsPerSecond = 5, Burst = 5 } };

        var error = Assert.Throws<ArgumentException>(() => new CloudCallBudget(limits, new AdaptiveRateOptions(), TimeSpan.FromSeconds(30), new FakeTimeProvider()));

        Assert.Contains("'NLB'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SLB, VPC, ECS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_CreateVServerGroup_budget_cannot_exceed_the_published_90_calls_in_any_60_seconds()
    {
        var limit = new CloudClientOptions().RateLimits["SLB.CreateVServerGroup"];

        Assert.True((limit.PermitsPerSecond * 60) + limit.Burst <= 90);
    }

    [Fact]
    public void Every_default_entry_is_a_valid_budget()
    {
        using var budget = new CloudCallBudget(new CloudClientOptions(), new FakeTimeProvider());

        Assert.Equal(["ECS/*", "SLB/*", "SLB/CreateVServerGroup", "VPC/*"], budget.Snapshot().Select(s => $"{s.Product}/{s.Action}"));
    }
}
