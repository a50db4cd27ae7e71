namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// A cap on how many callers are past one point of their work at once, for work that holds memory while its cloud calls
/// wait for permits: a Service turn that has built a member per node for 2,000 nodes, say, while thousands of turns
/// queue behind a 10 calls/s budget. A caller beyond the cap queues as the ambient <see cref="CloudCallScope"/> says, like
/// a permit: Event before Resync, round-robin between keys, moved ahead when its scope escalates; and the wait counts
/// in the scope's <see cref="CloudCallScope.PermitWait"/> and <see cref="CloudCallScope.IsWaitingForPermit"/>, so a
/// turn's deadline neither counts it as work nor fires during it. A capacity of 0 is no cap.
/// </summary>
public sealed class CloudCallSlots
{
    private readonly Lock gate = new();
    private readonly PermitQueue queue = new();
    private readonly TimeProvider time;
    private readonly Owner owner;
    private int held;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public CloudCallSlots(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        this.time = time;
        owner = new Owner(this);
    }

    /// <summary>Callers past the point at once; 0 for no cap.</summary>
    public int Capacity { get; }

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
            return new CloudCallSlot(null);
        }

        var scope = CloudCallScope.Current;
        PermitWaiter waiter;
        lock (gate)
        {
            if (held < Capacity && queue.Count == 0)
            {
                held++;
                return new CloudCallSlot(this);
            }

            waiter = new PermitWaiter(scope?.Priority ?? CloudCallPriority.Event, scope?.Key ?? CloudCallScope.AnonymousKey, scope, time.GetTimestamp(), cancellationToken);
            scope?.EnterWait(time, owner, waiter);
            queue.Enqueue(waiter);

            // Under the lock, as the budget's buckets do: a token cancelled meanwhile runs Cancel here (the lock is re-entrant).
            waiter.Registration = cancellationToken.UnsafeRegister(_ => Cancel(waiter), null);
        }

        await waiter.Task; // a slot handed on by Release, or cancelled
        return new CloudCallSlot(this);
    }

    /// <summary>A holder is done: the slot goes to the next waiter still waiting, else back to the pool.</summary>
    internal void Release()
    {
        PermitWaiter? next = null;
        lock (gate)
        {
            while (next is null && queue.TryDequeue(out var waiter))
            {
                waiter.Scope?.ExitWait(waiter);
                waiter.Registration.Unregister();
                if (waiter.CancellationToken.IsCancellationRequested)
                {
                    waiter.TryCancel(); // cancelled while its callback waits for this lock
                    continue;
                }

                next = waiter;
            }

            if (next is null)
            {
                held--;
            }
        }

        next?.TryGrant(new Permit(true, false, time.GetElapsedTime(next.QueuedAt), time.GetTimestamp()));
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
        public void Promote(PermitWaiter waiter)
        {
            lock (slots.gate)
            {
                slots.queue.Promote(waiter);
            }
        }
    }
}

/// <summary>A slot of <see cref="CloudCallSlots"/>; disposing it (once or more) hands it on.</summary>
public sealed class CloudCallSlot : IDisposable
{
    private CloudCallSlots? slots;

    internal CloudCallSlot(CloudCallSlots? slots) => this.slots = slots;

    public void Dispose() => Interlocked.Exchange(ref slots, null)?.Release();
}
