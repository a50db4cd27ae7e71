namespace Ccm.Kube.Http;

/// <summary>
/// client-go's limiter (golang.org/x/time/rate): <c>burst</c> tokens, refilled at <c>qps</c> per second. A request that
/// finds the bucket empty reserves the next token and waits until it is due, so waiting requests go in the order they
/// came and a burst of N waits exactly as long as the rate demands. Time comes from a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double qps;
    private readonly double burst;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private double tokens;
    private long updatedAt;

    public TokenBucket(double qps, int burst, TimeProvider time)
    {
        this.qps = qps;
        this.burst = Math.Max(1, burst);
        this.time = time;
        tokens = this.burst;
        updatedAt = time.GetTimestamp();
    }

    /// <summary>Takes a token, or reserves the next one; returns how long to wait before using it.</summary>
    public TimeSpan Take()
    {
        lock (gate)
        {
            Refill();
            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / qps);
        }
    }

    /// <summary>Gives back a reserved token whose request gave up waiting.</summary>
    public void Return()
    {
        lock (gate)
        {
            Refill();
            tokens = Math.Min(burst, tokens + 1);
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(burst, tokens + (time.GetElapsedTime(updatedAt, now).TotalSeconds * qps));
        updatedAt = now;
    }
}
