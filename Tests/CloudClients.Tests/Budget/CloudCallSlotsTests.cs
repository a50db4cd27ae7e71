using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.CloudClients.Tests.Budget;

/// <summary>
/// The cap on callers past a point (<see cref="CloudCallSlots"/>): who gets a slot handed on, and that waiting for one is
/// a cloud wait of the caller's scope, like waiting for a permit.
/// </summary>
public sealed class CloudCallSlotsTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task A_caller_beyond_the_cap_waits_until_a_holder_hands_its_slot_on()
    {
        var slots = new CloudCallSlots(2, time);
        var first = await Enter(slots, CloudCallPriority.Event, "service/default/a");
        await Enter(slots, CloudCallPriority.Event, "service/default/b");

        var third = Enter(slots, CloudCallPriority.Event, "service/default/c");
        Assert.False(third.IsCompleted);
        Assert.Equal(1, slots.Waiting(CloudCallPriority.Event));

        first.Dispose();
        first.Dispose(); // a second dispose hands on nothing more

        await Granted(third);
        Assert.Equal(2, slots.Held);
        Assert.Equal(0, slots.Waiting(CloudCallPriority.Event));
    }

    [Fact]
    public async Task The_last_holder_returns_its_slot_when_nobody_waits()
    {
        var slots = new CloudCallSlots(1, time);

        (await Enter(slots, CloudCallPriority.Resync, "service/default/a")).Dispose();

        Assert.Equal(0, slots.Held);
        Assert.True(Enter(slots, CloudCallPriority.Resync, "service/default/b").IsCompletedSuccessfully); // a free slot is taken at once
    }

    [Fact]
    public async Task Resyncs_leave_the_reserve_to_changes_which_take_it_at_once()
    {
        var slots = new CloudCallSlots(3, time, reserve: 1);
        var resyncs = new List<CloudCallSlot> { await Enter(slots, CloudCallPriority.Resync, "service/default/r0"), await Enter(slots, CloudCallPriority.Resync, "service/default/r1") };

        var third = Enter(slots, CloudCallPriority.Resync, "service/default/r2");
        Assert.False(third.IsCompleted); // a slot is free, but only for a change
        var change = Enter(slots, CloudCallPriority.Event, "service/default/changed");
        Assert.True(change.IsCompletedSuccessfully);

        (await change).Dispose(); // the reserve slot comes back: still not a resync's
        Assert.False(third.IsCompleted);
        resyncs[0].Dispose();
        await Granted(third);
        Assert.Equal(2, slots.Held);
    }

    [Fact]
    public async Task Changes_may_take_every_slot_and_a_resync_escalated_while_it_waits_takes_the_reserve()
    {
        var slots = new CloudCallSlots(2, time, reserve: 1);
        var changes = new[] { await Enter(slots, CloudCallPriority.Event, "service/default/a"), await Enter(slots, CloudCallPriority.Event, "service/default/b") };
        using var scope = CloudCallScope.Begin(CloudCallPriority.Resync, "service/default/escalated");
        var waiting = slots.EnterAsync(CancellationToken.None).AsTask();

        scope.Escalate();
        changes[0].Dispose();

        await Granted(waiting);
        Assert.Equal(2, slots.Held);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CloudCallSlots(2, time, reserve: 2));
    }

    [Fact]
    public async Task A_resync_waiting_for_its_share_takes_a_free_reserve_slot_as_soon_as_it_escalates()
    {
        var slots = new CloudCallSlots(2, time, reserve: 1);
        var holder = await Enter(slots, CloudCallPriority.Resync, "service/default/holder"); // the resyncs' whole share
        var scope = CloudCallScope.Begin(CloudCallPriority.Resync, "service/default/escalated");
        var waiting = slots.EnterAsync(CancellationToken.None).AsTask();
        scope.Dispose();
        Assert.False(waiting.IsCompleted);

        scope.Escalate(); // no slot is released: the reserve one goes to it

        await Granted(waiting);
        Assert.Equal((2, 0), (slots.Held, slots.Waiting(CloudCallPriority.Event)));
        holder.Dispose();
    }

    [Fact]
    public async Task A_change_gets_the_next_slot_before_resyncs_that_queued_first()
    {
        var slots = new CloudCallSlots(1, time);
        var holder = await Enter(slots, CloudCallPriority.Resync, "service/default/holder");
        var resyncs = Enumerable.Range(0, 5).Select(i => Enter(slots, CloudCallPriority.Resync, $"service/default/r{i}")).ToList();
        var change = Enter(slots, CloudCallPriority.Event, "service/default/changed");

        holder.Dispose();

        (await Granted(change)).Dispose();
        await Granted(resyncs[0]); // then the resyncs, oldest first
        Assert.All(resyncs.Skip(1), r => Assert.False(r.IsCompleted));
    }

    [Fact]
    public async Task A_resync_whose_scope_escalates_moves_ahead_of_the_other_resyncs()
    {
        var slots = new CloudCallSlots(1, time);
        var holder = await Enter(slots, CloudCallPriority.Resync, "service/default/holder");
        var earlier = Enter(slots, CloudCallPriority.Resync, "service/default/earlier");
        var scope = CloudCallScope.Begin(CloudCallPriority.Resync, "service/default/moving");
        var moving = slots.EnterAsync(CancellationToken.None).AsTask();
        scope.Dispose();

        scope.Escalate();
        holder.Dispose();

        await Granted(moving);
        Assert.False(earlier.IsCompleted);
    }

    [Fact]
    public async Task Waiting_for_a_slot_is_a_permit_wait_of_the_callers_scope()
    {
        var slots = new CloudCallSlots(1, time);
        var holder = await Enter(slots, CloudCallPriority.Event, "service/default/holder");
        using var scope = CloudCallScope.Begin(CloudCallPriority.Event, "service/default/waiting");

        var waiting = slots.EnterAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMinutes(3));

        Assert.True(scope.IsWaitingForPermit);
        Assert.Equal(TimeSpan.FromMinutes(3), scope.PermitWait);
        holder.Dispose();
        await Granted(waiting);
        Assert.False(scope.IsWaitingForPermit);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(3), scope.PermitWait);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_slot_goes_to_the_next()
    {
        var slots = new CloudCallSlots(1, time);
        var holder = await Enter(slots, CloudCallPriority.Event, "service/default/holder");
        using var stop = new CancellationTokenSource();
        var cancelled = Enter(slots, CloudCallPriority.Event, "service/default/cancelled", stop.Token);
        var next = Enter(slots, CloudCallPriority.Event, "service/default/next");

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, slots.Waiting(CloudCallPriority.Event));
        holder.Dispose();

        await Granted(next);
        Assert.Equal(1, slots.Held);
    }

    [Fact]
    public void No_cap_never_waits()
    {
        var slots = new CloudCallSlots(0, time);

        var entered = Enumerable.Range(0, 100).Select(i => Enter(slots, CloudCallPriority.Resync, $"service/default/s{i}")).ToList();

        Assert.All(entered, e => Assert.True(e.IsCompletedSuccessfully));
    }

    /// <summary>A granted slot resumes its caller on the thread pool; a liveness bound, not a timing assert.</summary>
    private static Task<CloudCallSlot> Granted(Task<CloudCallSlot> entered) => entered.WaitAsync(TimeSpan.FromSeconds(30));

    private static Task<CloudCallSlot> Enter(CloudCallSlots slots, CloudCallPriority priority, string key, CancellationToken cancellationToken = default)
    {
        using var scope = CloudCallScope.Begin(priority, key);
        return slots.EnterAsync(cancellationToken).AsTask();
    }
}
