namespace Ccm.Grains.Reconcile;

/// <summary>
/// Capped exponential backoff of failed reconcile turns: the n-th consecutive failure waits
/// <c>min(MaxDelay, BaseDelay * 2^(n-1))</c>, shortened by up to <see cref="Jitter"/> of itself at random so grains
/// that failed together do not retry together. Reset by a successful turn.
/// </summary>
public sealed class RetryBackoffOptions
{
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>5 min, as the cloud-provider service controller's retry cap.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fraction in [0, 1): 0.2 means each delay is drawn from [0.8 d, d].</summary>
    public double Jitter { get; set; } = 0.2;
}
