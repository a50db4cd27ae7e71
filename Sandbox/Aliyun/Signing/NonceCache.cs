using System.Collections.Concurrent;

namespace Ccm.Sandbox.Aliyun.Signing;

/// <summary>
/// Remembers signature nonces per AccessKey for as long as a replay could still pass the timestamp check, so a reused
/// nonce answers <c>SignatureNonceUsed</c>. Lock-free on the hot path; expired entries are swept now and then by
/// whichever caller wins the sweep flag.
/// </summary>
internal sealed class NonceCache(TimeSpan retention, TimeProvider clock)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> seen = new(StringComparer.Ordinal);
    private long nextSweepTicks = clock.GetUtcNow().UtcTicks + SweepInterval.Ticks;
    private int sweeping;

    /// <summary>Records the nonce; false when it was used already.</summary>
    public bool TryUse(string accessKeyId, string nonce)
    {
        var now = clock.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        return seen.TryAdd(accessKeyId + "\n" + nonce, now + retention.Ticks);
    }

    public int Count => seen.Count;

    private void SweepIfDue(long now)
    {
        if (now < Interlocked.Read(ref nextSweepTicks) || Interlocked.Exchange(ref sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var (key, expiry) in seen)
            {
                if (expiry <= now)
                {
                    seen.TryRemove(key, out _);
                }
            }

            Interlocked.Exchange(ref nextSweepTicks, now + SweepInterval.Ticks);
        }
        finally
        {
            Volatile.Write(ref sweeping, 0);
        }
    }
}
