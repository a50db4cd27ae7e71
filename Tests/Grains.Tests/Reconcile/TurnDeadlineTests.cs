using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport.Budget;
using Ccm.Grains.Reconcile;
using Ccm.Grains.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.Grains.Tests.Reconcile;

/// <summary>
/// A turn's deadline counts work, not waiting for cloud permits: a real <see cref="CloudCallBudget"/> and the deadline share
/// one fake clock, so every wait and every check happens exactly when the test moves the clock.
/// </summary>
public sealed class TurnDeadlineTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CloudCallBudget budget;

    public TurnDeadlineTests()
    {
        // One SLB permit a minute, the burst spent: a call waits a minute for its permit.
        budget = new CloudCallBudget(CloudRateLimitText.Parse("SLB=1/60:1"), new AdaptiveRateOptions { Enabled = false }, TimeSpan.FromSeconds(30), time);
        Assert.True(Acquire().IsCompletedSuccessfully);
    }

    [Fact]
    public void A_turn_is_cancelled_once_it_has_worked_past_its_timeout()
    {
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "probe/default/nginx");
        using var deadline = new TurnDeadline(Timeout, time, scope, CancellationToken.None);

        time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(deadline.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.Equal(Timeout, deadline.Worked);
    }

    [Fact]
    public void Waiting_for_a_permit_is_not_work_and_never_cancels_the_turn()
    {
        using var scope = CloudCallScope.Begin(CloudCallPriority.Resync, "probe/default/nginx");
        using var deadline = new TurnDeadline(Timeout, time, scope, CancellationToken.None);
        var call = Acquire();

        time.AdvanceInSteps(TimeSpan.FromSeconds(59));

        Assert.False(call.IsCompleted);
        Assert.False(deadline.Token.IsCancellationRequested);
        Assert.Equal(TimeSpan.Zero, deadline.Worked);
    }

    [Fact]
    public void After_a_permit_wait_only_the_work_counts_towards_the_timeout()
    {
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "probe/default/nginx");
        using var deadline = new TurnDeadline(Timeout, time, scope, CancellationToken.None);
        TimeSpan? workedWhenCancelled = null;
        using var onCancel = deadline.Token.Register(() => workedWhenCancelled = deadline.Worked);
        time.AdvanceInSteps(TimeSpan.FromSeconds(0.2)); // works a little, then calls the cloud
        var call = Acquire();

        time.AdvanceInSteps(TimeSpan.FromSeconds(60)); // the permit comes about a minute after the burst was spent
        Assert.True(call.IsCompletedSuccessfully);
        Assert.True(scope.PermitWait >= TimeSpan.FromSeconds(59.8), $"waited {scope.PermitWait}");
        Assert.Null(workedWhenCancelled);
        time.AdvanceInSteps(TimeSpan.FromSeconds(2));

        // The deadline looks at least once a second, so it fires within a second after the work passed the timeout.
        Assert.NotNull(workedWhenCancelled);
        Assert.InRange(workedWhenCancelled.Value, Timeout, Timeout + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_turn_already_past_its_timeout_is_not_cancelled_while_it_waits_for_a_permit()
    {
        // A permit every half second, the burst spent.
        using var fast = new CloudCallBudget(CloudRateLimitText.Parse("SLB=2:1"), new AdaptiveRateOptions { Enabled = false }, TimeSpan.FromSeconds(30), time);
        Assert.True(Acquire(fast).IsCompletedSuccessfully);
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "probe/default/nginx");
        using var deadline = new TurnDeadline(Timeout, time, scope, CancellationToken.None);
        var first = Acquire(fast);
        time.AdvanceInSteps(TimeSpan.FromSeconds(1.8)); // half a second's wait, then work the deadline last saw at 0.5 s
        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(deadline.Worked > Timeout, $"worked {deadline.Worked}");
        Assert.True(Acquire(fast).IsCompletedSuccessfully); // the permit that accrued meanwhile

        var second = Acquire(fast);
        time.AdvanceInSteps(TimeSpan.FromSeconds(0.4)); // the deadline looks while the call waits
        Assert.False(second.IsCompleted);
        Assert.False(deadline.Token.IsCancellationRequested, "cancelled while waiting for a permit");
        time.AdvanceInSteps(TimeSpan.FromSeconds(1.2));

        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(deadline.Token.IsCancellationRequested, "not cancelled once the wait was over");
    }

    [Fact]
    public async Task Waiting_for_a_slot_to_hold_members_is_not_work_and_never_cancels_the_turn()
    {
        var slots = new CloudCallSlots(1, time);
        var holder = await slots.EnterAsync(CancellationToken.None); // free: taken at once

        using var scope = CloudCallScope.Begin(CloudCallPriority.Resync, "probe/default/nginx");
        using var deadline = new TurnDeadline(Timeout, time, scope, CancellationToken.None);
        var entered = slots.EnterAsync(deadline.Token).AsTask();

        time.AdvanceInSteps(TimeSpan.FromSeconds(59));
        Assert.False(entered.IsCompleted);
        Assert.False(deadline.Token.IsCancellationRequested, "cancelled while waiting for a slot");
        Assert.Equal(TimeSpan.Zero, deadline.Worked);
        holder.Dispose();

        await entered.WaitAsync(TimeSpan.FromSeconds(30)); // it resumes on the thread pool: a liveness bound, not a timing assert
        time.AdvanceInSteps(Timeout - TimeSpan.FromMilliseconds(100));
        Assert.False(deadline.Token.IsCancellationRequested, "the wait was counted as work");
    }

    [Fact]
    public void A_stopping_grain_cancels_its_turn_at_once_even_while_it_waits_for_a_permit()
    {
        using var stopping = new CancellationTokenSource();
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "probe/default/nginx");
        using var deadline = new TurnDeadline(Timeout, time, scope, stopping.Token);
        var call = Acquire(deadline.Token);

        stopping.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.True(call.IsCanceled);
        Assert.False(scope.IsWaitingForPermit);
    }

    public void Dispose() => budget.Dispose();

    private static Task<Permit> Acquire(CloudCallBudget from, CancellationToken cancellationToken = default) =>
        from.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", cancellationToken).AsTask();

    private Task<Permit> Acquire(CancellationToken cancellationToken = default) => Acquire(budget, cancellationToken);
}
