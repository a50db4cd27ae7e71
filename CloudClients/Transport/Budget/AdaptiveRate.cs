namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// The current rate of one bucket under AIMD (<see cref="AdaptiveRateOptions"/>): cut multiplicatively by a slow-down
/// answer, raised additively per quiet period, always within [floor, configured]. Pure state over timestamps of the
/// budget's clock; the bucket calls it under its lock.
/// </summary>
internal sealed class AdaptiveRate(double configured, AdaptiveRateOptions options, TimeProvider time)
{
    private long lastCut;
    private long lastChange;
    private bool cut;

    public double Configured { get; } = configured;

    public double Current { get; private set; } = configured;

    public double Floor => Configured * Math.Clamp(options.MinimumFraction, 0.01, 1);

    /// <summary>
    /// A slow-down answer to a permit granted at <paramref name="grantedAt"/>. Answers to permits granted before the last
    /// cut were sent at the old rate and say nothing new, so a burst of them cuts once. True when the rate changed.
    /// </summary>
    public bool Cut(long grantedAt, long now)
    {
        if (!options.Enabled || (cut && grantedAt <= lastCut))
        {
            return false;
        }

        var next = Math.Max(Floor, Current * Math.Clamp(options.DecreaseFactor, 0.01, 1));
        (cut, lastCut, lastChange) = (true, now, now);
        var changed = next < Current;
        Current = next;
        return changed;
    }

    /// <summary>One step of <see cref="AdaptiveRateOptions.RecoveryFraction"/> per quiet period elapsed since the last change. True when the rate changed.</summary>
    public bool Recover(long now)
    {
        if (Current >= Configured || options.QuietPeriod <= TimeSpan.Zero)
        {
            return false;
        }

        var periods = Math.Floor(time.GetElapsedTime(lastChange, now) / options.QuietPeriod);
        if (periods < 1)
        {
            return false;
        }

        Current = Math.Min(Configured, Current + (periods * Configured * Math.Clamp(options.RecoveryFraction, 0.01, 1)));
        lastChange = now;
        return true;
    }
}
