namespace Ccm.Grains.Reconcile;

/// <summary>The delay before retrying a reconcile after <c>failures</c> consecutive failures (pure).</summary>
internal static class RetryBackoff
{
    /// <param name="failures">Consecutive failures so far, at least 1.</param>
    /// <param name="options">Base, cap and jitter.</param>
    /// <param name="random">A uniform draw from [0, 1).</param>
    public static TimeSpan Delay(int failures, RetryBackoffOptions options, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^(n-1) stops mattering long before it overflows: the cap is reached after ~18 doublings of 1 s.
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 62));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        // Jitter shortens, never lengthens, so the cap holds and grains that failed together spread out.
        return TimeSpan.FromMilliseconds(capped * (1 - (options.Jitter * random)));
    }
}
