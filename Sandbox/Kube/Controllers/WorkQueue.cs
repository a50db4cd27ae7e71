namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>A de-duplicating FIFO of keys with delayed retries (a key queued twice is reconciled once).</summary>
internal sealed class WorkQueue
{
    private readonly Queue<string> order = new();
    private readonly HashSet<string> queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTime Due, int Attempts)> retries = new(StringComparer.Ordinal);

    public int Count => order.Count;

    public void Add(string key)
    {
        if (queued.Add(key))
        {
            order.Enqueue(key);
        }
    }

    public bool TryTake(out string key)
    {
        if (order.TryDequeue(out key!))
        {
            queued.Remove(key);
            return true;
        }

        return false;
    }

    /// <summary>Queues the key again after an exponential delay (50 ms doubling, capped at 5 s).</summary>
    public void Retry(string key, DateTime now)
    {
        var attempts = retries.TryGetValue(key, out var previous) ? previous.Attempts + 1 : 1;
        var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 50 * Math.Pow(2, attempts - 1)));
        retries[key] = (now + delay, attempts);
    }

    public void Forget(string key) => retries.Remove(key);

    /// <summary>Moves retries that are due into the queue; returns the delay until the next one (or null).</summary>
    public TimeSpan? PromoteDue(DateTime now)
    {
        TimeSpan? next = null;
        foreach (var (key, (due, _)) in retries.ToList())
        {
            if (due <= now)
            {
                Add(key);
            }
            else if (next is null || due - now < next)
            {
                next = due - now;
            }
        }

        return next;
    }
}
