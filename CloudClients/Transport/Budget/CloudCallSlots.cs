namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// A cap on how many callers are past one point of their work at once, for work that holds memory while its cloud calls
/// wait for permits: a Service turn that has built a member per node for 2,000 nodes, say, while thousands of turns
/// queue behind a 10 calls/s budget. A caller beyond the cap queues as the ambient <see cref="CloudCallScope"/> says, like
/// a permit: Event before Resync, round-robin between keys, moved ahead when its scope escalates; and the wait counts
/// in the scope's <see cref="CloudCallScope.PermitWait"/> and <see cref="CloudCallScope.IsWaitingForPermit"/>, so a
/// turn's deadline neither counts it as work nor fires during it. A capacity of 0 is no cap.
/// <para>A reserve keeps that many slots for Event callers: resync callers hold at most <c>capacity - reserve</c>. Slots
/// held by resyncs free only as their calls get permits, and a budget serves waiting callers round-robin, so a full cap
/// of resyncs (a restart's re-checks) frees its first slot only when nearly all of them are done; a change must not wait
/// for that.</para>
/// </summary>
public sealed class CloudCallSlots
{
    private readonly Lock gate = new();
    private readonly PermitQueue queue = new();
    private readonly TimeProvider time;
    private readonly Owner owner;
    private int held;
    private int heldByResyncs;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative, or <paramref name="reserve"/>
    /// is negative or not less than a non-zero capacity.</exception>
    public CloudCallSlots(int capacity, TimeProvider time, int reserve = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(reserve);
        if (capacity > 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reserve, capacity);
        }

        Capacity = capacity;
        Reserve = reserve;
        this.time = time;
        owner = new Owner(this);
    }

    /// <summary>Callers past the point at once; 0 for no cap.</summary>
    public int Capacity { get; }

    /// <summary>Slots only Event callers may take.</summary>
    public int Reserve { get; }

    /// <summary>Slots held now.</summary>
    public int Held
    {
        get
        {
            lock (gate)
            {
                return held;
            }
        }
    }

    /// <summary>Callers queued for a slot in <paramref name="priority"/>'s class.</summary>
    public int Waiting(CloudCallPriority priority)
    {
        lock (gate)
        {
            return queue.CountOf(priority);
        }
    }

    /// <summary>
    /// Waits for a slot, queued as the ambient <see cref="CloudCallScope"/>; dispose what it returns to hand the slot
    /// on. Only <paramref name="cancellationToken"/> ends the wait early.
    /// </summary>
    public async ValueTask<CloudCallSlot> EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Capacity == 0)
        {
            return new CloudCallSlot(null, CloudCallPriority.Event);
        }

        var scope = CloudCallScope.Current;
        var priority = scope?.Priority ?? CloudCallPriority.Event;
        PermitWaiter waiter;
        lock (gate)
        {
            // Nobody ahead in this caller's class (or above it) and a slot its class may take.
            var ahead = priority == CloudCallPriority.Event ? queue.CountOf(CloudCallPriority.Event) : queue.Count;
            if (ahead == 0 && CanTake(priority))
            {
                Hold(priority);
                return new CloudCallSlot(this, priority);
            }

            waiter = new PermitWaiter(priority, scope?.Key ?? CloudCallScope.AnonymousKey, scope, time.GetTimestamp(), cancellationToken);
            scope?.EnterWait(time, owner, waiter);
            queue.Enqueue(waiter);

            // Under the lock, as the budget's buckets do: a token cancelled meanwhile runs Cancel here (the lock is re-entrant).
            waiter.Registration = cancellationToken.UnsafeRegister(_ => Cancel(waiter), null);
        }

        await waiter.Task; // a slot handed on by Release (held in the class the waiter had then), or cancelled
        return new CloudCallSlot(this, waiter.Priority);
    }

    private bool CanTake(CloudCallPriority priority) =>
        held < Capacity && (priority == CloudCallPriority.Event || heldByResyncs < Capacity - Reserve);

    private void Hold(CloudCallPriority priority)
    {
        held++;
        heldByResyncs += priority == CloudCallPriority.Resync ? 1 : 0;
    }

    /// <summary>A holder is done: its slot goes to the next waiter still waiting whose class may take it, else back to the pool.</summary>
    internal void Release(CloudCallPriority heldAs)
    {
        List<PermitWaiter> next;
        lock (gate)
        {
            held--;
            heldByResyncs -= heldAs == CloudCallPriority.Resync ? 1 : 0;
            next = HandOn();
        }

        Grant(next);
    }

    /// <summary>Under the lock: takes the waiters that free slots may go to off the queue, and holds those slots for them.</summary>
    private List<PermitWaiter> HandOn()
    {
        var next = new List<PermitWaiter>(1);
        while (TryDequeueTaker(out var waiter))
        {
            waiter.Scope?.ExitWait(waiter);
            waiter.Registration.Unregister();
            if (waiter.CancellationToken.IsCancellationRequested)
            {
                waiter.TryCancel(); // cancelled while its callback waits for this lock
                continue;
            }

            Hold(waiter.Priority);
            next.Add(waiter);
        }

        return next;
    }

    /// <summary>Outside the lock: completes the waits of those <see cref="HandOn"/> took.</summary>
    private void Grant(List<PermitWaiter> next)
    {
        foreach (var waiter in next)
        {
            waiter.TryGrant(new Permit(true, false, time.GetElapsedTime(waiter.QueuedAt), time.GetTimestamp()));
        }
    }

    /// <summary>The next waiter a free slot may go to: an Event one, else a Resync one while resyncs are under their share.</summary>
    private bool TryDequeueTaker(out PermitWaiter waiter)
    {
        foreach (var priority in (ReadOnlySpan<CloudCallPriority>)[CloudCallPriority.Event, CloudCallPriority.Resync])
        {
            if (CanTake(priority) && queue.TryDequeue(priority, out waiter))
            {
                return true;
            }
        }

        waiter = null!;
        return false;
    }

    private void Cancel(PermitWaiter waiter)
    {
        lock (gate)
        {
            if (!queue.Withdraw(waiter))
            {
                return;
            }
        }

        waiter.TryCancel();
    }

    /// <summary>The queue's side an escalating scope sees; kept off the public surface.</summary>
    private sealed class Owner(CloudCallSlots slots) : IPermitQueueOwner
    {
        /// <summary>Moves a waiter to the changes' queue; a slot of the reserve, free while resyncs had their share, goes to it at once.</summary>
        public void Promote(PermitWaiter waiter)
        {
            List<PermitWaiter> next;
            lock (slots.gate)
            {
                next = slots.queue.Promote(waiter) ? slots.HandOn() : [];
            }

            slots.Grant(next);
        }
    }
}

/// <summary>A slot of <see cref="CloudCallSlots"/>; disposing it (once or more) hands it on.</summary>
public sealed class CloudCallSlot : IDisposable
{
    private readonly CloudCallPriority heldAs;
    private CloudCallSlots? slots;

    internal CloudCallSlot(CloudCallSlots? slots, CloudCallPriority heldAs) => (this.slots, this.heldAs) = (slots, heldAs);

    public void Dispose() => Interlocked.Exchange(ref slots, null)?.Release(heldAs);
}
