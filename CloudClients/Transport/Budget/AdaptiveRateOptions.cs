namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// How a budget reacts to the cloud's slow-down answers (<c>Throttling*</c>, <c>ServiceUnavailable</c>): additive
/// increase, multiplicative decrease. A slow-down cuts that bucket's rate by <see cref="DecreaseFactor"/>, once per
/// round of calls (answers to permits granted before the cut do not cut again); after <see cref="QuietPeriod"/>
/// without one, the rate grows by <see cref="RecoveryFraction"/> of the configured rate per quiet period. The rate
/// stays between <see cref="MinimumFraction"/> of the configured rate and the configured rate itself.
/// </summary>
public sealed class AdaptiveRateOptions
{
    /// <summary>Off: the configured rates hold whatever the cloud answers (a throttled attempt still pauses the bucket).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The multiplier on a slow-down. 0.7 rather than TCP's 0.5: the cloud's limit is usually close below the configured
    /// rate (another client of the same account takes the rest), so a gentler cut wastes less of it.
    /// </summary>
    public double DecreaseFactor { get; set; } = 0.7;

    /// <summary>The lowest rate, as a fraction of the configured one: a burst of throttling never stalls a product.</summary>
    public double MinimumFraction { get; set; } = 0.1;

    /// <summary>Time without a slow-down answer before each additive step back up.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each step adds this fraction of the configured rate.</summary>
    public double RecoveryFraction { get; set; } = 0.1;

    public override string ToString() =>
        $"AdaptiveRateOptions {{ Enabled = {Enabled}, DecreaseFactor = {DecreaseFactor}, MinimumFraction = {MinimumFraction}, QuietPeriod = {QuietPeriod}, RecoveryFraction = {RecoveryFraction} }}";
}
