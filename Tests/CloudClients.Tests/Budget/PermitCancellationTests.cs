using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>Only the caller's token ends a wait; a cancelled waiter leaves at once and takes no token with it.</summary>
public class PermitCancellationTests
{
    private static readonly TimeSpan OneToken = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_at_once()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.Acquire(CloudCallPriority.Resync, "a", cancellationToken: cancel.Token);
        Assert.Equal(1, budget.State().ResyncWaiters);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(0, budget.State().ResyncWaiters);
    }

    [Fact]
    public void The_token_a_cancelled_waiter_would_have_had_goes_to_the_next_waiter_and_no_further()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.Acquire(CloudCallPriority.Event, "a", cancellationToken: cancel.Token);
        var next = budget.Acquire(CloudCallPriority.Event, "b");
        var last = budget.Acquire(CloudCallPriority.Event, "c");
        cancel.Cancel();

        budget.Advance(OneToken);

        Assert.True(cancelled.IsCanceled);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.False(last.IsCompleted);
        Assert.Equal(0, budget.Tokens(), precision: 9);
    }

    [Fact]
    public void A_caller_cancelled_before_asking_never_queues()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();

        var refused = budget.Acquire(CloudCallPriority.Event, "a", cancellationToken: new CancellationToken(canceled: true));

        Assert.True(refused.IsCanceled);
        Assert.Equal(0, budget.State().EventWaiters);
    }

    [Fact]
    public async Task A_wait_has_no_deadline_of_its_own_however_long_the_budget_is_paused()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        budget.Budget.SlowDown(CloudProduct.Slb, TestBudget.Action, new Permit(true, true, TimeSpan.Zero, 0), "Throttling.User", TimeSpan.FromSeconds(30));
        var waiting = budget.Acquire(CloudCallPriority.Event, "service/default/nginx");

        budget.Advance(TimeSpan.FromSeconds(29));
        Assert.False(waiting.IsCompleted);
        budget.Advance(TimeSpan.FromSeconds(2));

        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.Equal(TimeSpan.FromSeconds(31), (await waiting).Waited);
    }

    [Fact]
    public async Task A_full_queue_refuses_only_callers_of_its_own_class()
    {
        using var limited = new CloudCallBudget(
            new Dictionary<string, CloudRateLimit> { ["SLB"] = new() { PermitsPerSecond = 1, Burst = 1, QueueLimit = 2 } },
            new AdaptiveRateOptions { Enabled = false }, TimeSpan.FromSeconds(30), new FakeTimeProvider());
        Task<Permit> Ask(CloudCallPriority priority)
        {
            using var scope = CloudCallScope.Begin(priority, "k");
            return limited.AcquireAsync(CloudProduct.Slb, TestBudget.Action, default).AsTask();
        }

        Assert.True(Ask(CloudCallPriority.Resync).IsCompletedSuccessfully);
        var queued = new[] { Ask(CloudCallPriority.Resync), Ask(CloudCallPriority.Resync) };
        var refused = Ask(CloudCallPriority.Resync);
        var change = Ask(CloudCallPriority.Event);

        Assert.All(queued, q => Assert.False(q.IsCompleted));
        Assert.False((await refused).Granted);
        Assert.False(change.IsCompleted);
    }

    [Fact]
    public void Disposing_the_budget_releases_every_waiter()
    {
        var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var waiting = budget.Acquire(CloudCallPriority.Resync, "a");

        budget.Dispose();

        Assert.True(waiting.IsCanceled);
    }
}
