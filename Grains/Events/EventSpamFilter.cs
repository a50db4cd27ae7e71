using k8s;
using k8s.Models;

namespace Ccm.Grains.Events;

/// <summary>
/// client-go's <c>EventSourceObjectSpamFilter</c>: a token bucket per involved object (burst 25, one more every 5
/// minutes), so a grain failing in a loop cannot flood the API server or bury the object's other events.
/// Thread-safe.
/// </summary>
public sealed class EventSpamFilter(int burst, TimeSpan refillInterval, int capacity)
{
    private readonly Lock gate = new();
    private readonly LruCache<string, Bucket> buckets = new(capacity);

    /// <summary>Takes a token for the object; false when its bucket is empty (the event is dropped).</summary>
    public bool Allow(V1ObjectReference regarding, DateTimeOffset now)
    {
        var key = $"{regarding.Kind}/{regarding.NamespaceProperty}/{regarding.Name}/{regarding.Uid}";
        lock (gate)
        {
            var bucket = buckets.TryGet(key, out var found) ? found : new Bucket(burst, now);
            var refilled = (int)Math.Min(burst - bucket.Tokens, (now - bucket.Since).Ticks / refillInterval.Ticks);
            if (refilled > 0)
            {
                bucket = new Bucket(bucket.Tokens + refilled, bucket.Since + (refillInterval * refilled));
            }

            if (bucket.Tokens == burst)
            {
                // A full bucket does not bank time: the next refill counts from now.
                bucket = bucket with { Since = now };
            }

            var allowed = bucket.Tokens > 0;
            buckets.Set(key, allowed ? bucket with { Tokens = bucket.Tokens - 1 } : bucket);
            return allowed;
        }
    }

    private sealed record Bucket(int Tokens, DateTimeOffset Since);
}
