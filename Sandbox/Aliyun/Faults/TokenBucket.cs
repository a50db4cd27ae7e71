namespace Ccm.Sandbox.Aliyun.Faults;

/// <summary>
/// A token bucket holding up to one second of calls, refilled continuously from the emulator's clock. Hand-rolled rather
/// than System.Threading.RateLimiting's, because the refusal must say exactly when the next call would pass (the
/// <c>TimeLeft</c> of the throttling header) and must follow an injected <see cref="TimeProvider"/>, with no timers.
/// </summary>
internal sealed class TokenBucket(double perSecond, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly double capacity = Math.Max(1, perSecond);
    private double tokens = Math.Max(1, perSecond);
    private long lastTicks = clock.GetTimestamp();

    public double PerSecond => perSecond;

    /// <summary>Takes a token, or says how long until one is available.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            tokens = Math.Min(capacity, tokens + (clock.GetElapsedTime(lastTicks, now).TotalSeconds * perSecond));
            lastTicks = now;
            if (tokens >= 1)
            {
                tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - tokens) / perSecond);
            return false;
        }
    }
}
