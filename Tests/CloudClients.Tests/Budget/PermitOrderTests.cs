using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport.Budget;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>Who gets the next permit when calls queue: Event before Resync, and round-robin between callers within a class.</summary>
public class PermitOrderTests
{
    private static readonly TimeSpan OneToken = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_call_takes_a_token_at_once_while_the_burst_lasts()
    {
        using var budget = new TestBudget("SLB=1:3");

        var permits = Enumerable.Range(0, 3).Select(i => budget.Acquire(CloudCallPriority.Resync, $"service/default/s{i}")).ToList();

        Assert.All(permits, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.All(await Task.WhenAll(permits), p => Assert.Equal((true, true, TimeSpan.Zero), (p.Granted, p.Metered, p.Waited)));
        Assert.False(budget.Acquire(CloudCallPriority.Resync, "service/default/late").IsCompleted);
    }

    [Fact]
    public async Task An_event_waiter_gets_the_next_permit_before_every_queued_resync_waiter()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var resyncs = Enumerable.Range(0, 50).Select(i => budget.Acquire(CloudCallPriority.Resync, $"service/default/s{i}")).ToList();
        var change = budget.Acquire(CloudCallPriority.Event, "service/default/nginx");

        budget.Advance(OneToken);

        Assert.True(change.IsCompletedSuccessfully);
        Assert.All(resyncs, r => Assert.False(r.IsCompleted));
        Assert.Equal(OneToken, (await change).Waited);
    }

    [Fact]
    public void Resync_waiters_are_served_once_no_event_waits()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var resync = budget.Acquire(CloudCallPriority.Resync, "service/default/a");
        var events = Enumerable.Range(0, 2).Select(i => budget.Acquire(CloudCallPriority.Event, $"node/n{i}")).ToList();

        budget.Advance(OneToken);
        budget.Advance(OneToken);
        Assert.False(resync.IsCompleted);
        budget.Advance(OneToken);

        Assert.All(events, e => Assert.True(e.IsCompletedSuccessfully));
        Assert.True(resync.IsCompletedSuccessfully);
    }

    [Fact]
    public void Callers_of_one_class_take_turns_so_a_caller_with_many_calls_cannot_starve_the_others()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var queued = new List<(string Name, Task<Permit> Permit)>
        {
            ("a1", budget.Acquire(CloudCallPriority.Resync, "a")),
            ("a2", budget.Acquire(CloudCallPriority.Resync, "a")),
            ("a3", budget.Acquire(CloudCallPriority.Resync, "a")),
            ("b1", budget.Acquire(CloudCallPriority.Resync, "b")),
            ("c1", budget.Acquire(CloudCallPriority.Resync, "c")),
            ("b2", budget.Acquire(CloudCallPriority.Resync, "b")),
        };

        var order = new List<string>();
        for (var i = 0; i < queued.Count; i++)
        {
            budget.Advance(OneToken);
            order.AddRange(queued.Where(q => q.Permit.IsCompleted && !order.Contains(q.Name)).Select(q => q.Name));
        }

        Assert.Equal(["a1", "b1", "c1", "a2", "b2", "a3"], order);
    }

    [Fact]
    public void Calls_outside_any_scope_queue_as_anonymous_events()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var resync = budget.Acquire(CloudCallPriority.Resync, "service/default/a");
        var unscoped = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, default).AsTask();

        Assert.Equal((1, 1), (budget.State().EventWaiters, budget.State().ResyncWaiters));
        budget.Advance(OneToken);

        Assert.True(unscoped.IsCompletedSuccessfully);
        Assert.False(resync.IsCompleted);
    }

    [Fact]
    public void The_innermost_scope_decides_priority_and_key()
    {
        using var outer = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/nginx");
        using (var inner = CloudCallScope.Begin(CloudCallPriority.Resync))
        {
            Assert.Same(inner, CloudCallScope.Current);
            Assert.Equal((CloudCallPriority.Resync, "service/default/nginx"), (inner.Priority, inner.Key));
        }

        Assert.Same(outer, CloudCallScope.Current);
    }

    [Fact]
    public void An_escalated_scope_moves_its_waiting_calls_ahead_of_every_resync_and_queues_its_later_calls_as_events()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var resyncs = Enumerable.Range(0, 20).Select(i => budget.Acquire(CloudCallPriority.Resync, $"service/default/s{i}")).ToList();
        using var turn = CloudCallScope.Begin(CloudCallPriority.Resync, "service/default/nginx");
        var waiting = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, CancellationToken.None).AsTask();

        turn.Escalate();
        var later = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, CancellationToken.None).AsTask();
        budget.Advance(OneToken);
        budget.Advance(OneToken);

        Assert.Equal(CloudCallPriority.Event, turn.Priority);
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.True(later.IsCompletedSuccessfully);
        Assert.All(resyncs, r => Assert.False(r.IsCompleted));
    }

    [Fact]
    public void Without_escalation_the_same_turn_waits_behind_the_resyncs_queued_before_it()
    {
        using var budget = new TestBudget("SLB=1:1");
        budget.Drain();
        var resyncs = Enumerable.Range(0, 20).Select(i => budget.Acquire(CloudCallPriority.Resync, $"service/default/s{i}")).ToList();
        using var turn = CloudCallScope.Begin(CloudCallPriority.Resync, "service/default/nginx");
        var waiting = budget.Budget.AcquireAsync(CloudProduct.Slb, TestBudget.Action, CancellationToken.None).AsTask();

        budget.Advance(OneToken);
        budget.Advance(OneToken);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(2, resyncs.Count(r => r.IsCompletedSuccessfully));
    }
}

