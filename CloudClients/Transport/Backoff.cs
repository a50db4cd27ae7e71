namespace Ccm.CloudClients.Transport;

/// <summary>
/// Delay before retry number <c>n</c>: exponential with full jitter (uniform in [0, min(cap, base·2ⁿ⁻¹)]), which
/// spreads concurrent retriers best (AWS architecture blog, "Exponential Backoff and Jitter"). When the service says
/// how long its throttle lasts (<c>TimeLeft</c>), wait at least that long, plus a little jitter so every waiting
/// caller does not return at the same instant; a bogus header cannot park a call past <c>MaxThrottleDelay</c>.
/// </summary>
public sealed class Backoff(TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan maxThrottleDelay, Func<double> random)
{
    public static Backoff FromOptions(CloudClientOptions options) =>
        new(options.RetryBaseDelay, options.RetryMaxDelay, options.MaxThrottleDelay, Random.Shared.NextDouble);

    /// <param name="retry">1 for the first retry.</param>
    /// <param name="timeLeft">The service's <c>TimeLeft</c>, if it sent one.</param>
    public TimeSpan Delay(int retry, TimeSpan? timeLeft)
    {
        var ceiling = Exponential(retry);
        var jittered = ceiling * random();
        if (timeLeft is not { } left || left <= TimeSpan.Zero)
        {
            return jittered;
        }

        var honoured = (left < maxThrottleDelay ? left : maxThrottleDelay) + (baseDelay * random());
        return honoured > jittered ? honoured : jittered;
    }

    private TimeSpan Exponential(int retry)
    {
        // Cap the exponent before multiplying so large retry counts cannot overflow TimeSpan.
        var factor = Math.Pow(2, Math.Clamp(retry - 1, 0, 30));
        var ticks = Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
