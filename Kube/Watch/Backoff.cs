namespace Ccm.Kube.Watch;

/// <summary>
/// Capped exponential backoff with jitter, as client-go's reflector uses between failed lists and watches:
/// 800 ms doubling to the cap (client-go: 30 s), each delay stretched by up to 100% at random, and back to the start after two
/// minutes without a failure (reflector.go: backoff 800ms..30s, factor 2, jitter 1.0, reset 2m). The stretched
/// delay never exceeds the cap.
/// </summary>
internal sealed class Backoff
{
    public static readonly TimeSpan ResetAfter = TimeSpan.FromMinutes(2);

    private readonly TimeSpan initial;
    private readonly TimeSpan cap;
    private readonly TimeProvider time;
    private readonly Random random;
    private TimeSpan next;
    private DateTimeOffset lastFailure = DateTimeOffset.MinValue;

    public Backoff(TimeSpan initial, TimeSpan cap, TimeProvider time, Random? random = null)
    {
        this.initial = initial;
        this.cap = cap;
        this.time = time;
        this.random = random ?? Random.Shared;
        next = initial;
    }

    /// <summary>The delay before the next attempt, advancing the sequence.</summary>
    public TimeSpan NextDelay()
    {
        var now = time.GetUtcNow();
        if (now - lastFailure > ResetAfter)
        {
            next = initial;
        }

        lastFailure = now;
        var current = next;
        next = current * 2 < cap ? current * 2 : cap;
        var jittered = current + (current * random.NextDouble());
        return jittered < cap ? jittered : cap;
    }

    /// <summary>Forget past failures (after a watch that delivered events).</summary>
    public void Reset() => next = initial;
}
