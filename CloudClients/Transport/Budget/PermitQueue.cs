namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// The waiters of one budget: one queue per <see cref="CloudCallPriority"/>, and inside each a lane per caller key served
/// round-robin, so the next permit goes to the oldest waiter of the highest class whose caller's turn it is. Enqueue,
/// dequeue and remove are O(1) with linked lists, so thousands of waiters cost nothing per grant. Not thread-safe: the
/// bucket holds its lock around every call.
/// </summary>
internal sealed class PermitQueue
{
    private readonly ClassQueue[] classes = [new(), new()];

    public int Count => classes[0].Count + classes[1].Count;

    public int CountOf(CloudCallPriority priority) => classes[(int)priority].Count;

    public void Enqueue(PermitWaiter waiter) => classes[(int)waiter.Priority].Enqueue(waiter);

    /// <summary>The next waiter to serve: Event before Resync; within a class, the next caller in rotation.</summary>
    public bool TryDequeue(out PermitWaiter waiter)
    {
        foreach (var queue in classes)
        {
            if (queue.TryDequeue(out waiter))
            {
                return true;
            }
        }

        waiter = null!;
        return false;
    }

    /// <summary>The next waiter of one class, in its rotation.</summary>
    public bool TryDequeue(CloudCallPriority priority, out PermitWaiter waiter) => classes[(int)priority].TryDequeue(out waiter);

    /// <summary>Takes a waiter out wherever it is; false when it already left (granted or removed).</summary>
    public bool Remove(PermitWaiter waiter) => waiter.Node is not null && classes[(int)waiter.Priority].Remove(waiter);

    /// <summary>A waiter's token fired: takes it out and ends its scope's wait; false when it already left (granted, or removed).</summary>
    public bool Withdraw(PermitWaiter waiter)
    {
        if (!Remove(waiter))
        {
            return false;
        }

        waiter.Scope?.ExitWait(waiter);
        return true;
    }

    /// <summary>Moves a queued Resync waiter to the Event class (behind the Event waiters of its caller); false when it is not queued there.</summary>
    public bool Promote(PermitWaiter waiter)
    {
        if (waiter.Priority == CloudCallPriority.Event || !Remove(waiter))
        {
            return false;
        }

        waiter.Priority = CloudCallPriority.Event;
        Enqueue(waiter);
        return true;
    }

    /// <summary>Callers with waiters form a rotation; each caller's waiters keep their order.</summary>
    private sealed class ClassQueue
    {
        private readonly Dictionary<string, Lane> lanes = new(StringComparer.Ordinal);
        private readonly LinkedList<Lane> rotation = new();

        public int Count { get; private set; }

        public void Enqueue(PermitWaiter waiter)
        {
            if (!lanes.TryGetValue(waiter.Key, out var lane))
            {
                lane = new Lane(waiter.Key);
                lanes[waiter.Key] = lane;
                lane.InRotation = rotation.AddLast(lane);
            }

            waiter.Node = lane.Waiters.AddLast(waiter);
            Count++;
        }

        public bool TryDequeue(out PermitWaiter waiter)
        {
            if (rotation.First is not { } first)
            {
                waiter = null!;
                return false;
            }

            var lane = first.Value;
            waiter = lane.Waiters.First!.Value;
            Take(lane, waiter);
            if (lane.Waiters.Count > 0)
            {
                // This caller has had its turn: behind every other caller waiting in this class.
                rotation.Remove(first);
                rotation.AddLast(first);
            }

            return true;
        }

        public bool Remove(PermitWaiter waiter)
        {
            if (!lanes.TryGetValue(waiter.Key, out var lane) || waiter.Node!.List != lane.Waiters)
            {
                return false;
            }

            Take(lane, waiter);
            return true;
        }

        private void Take(Lane lane, PermitWaiter waiter)
        {
            lane.Waiters.Remove(waiter.Node!);
            waiter.Node = null;
            Count--;
            if (lane.Waiters.Count == 0)
            {
                rotation.Remove(lane.InRotation!);
                lanes.Remove(lane.Key);
            }
        }
    }

    private sealed class Lane(string key)
    {
        public string Key => key;

        public LinkedList<PermitWaiter> Waiters { get; } = new();

        public LinkedListNode<Lane>? InRotation { get; set; }
    }
}
