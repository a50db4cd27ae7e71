namespace Ccm.CloudClients.Transport.Budget;

/// <summary>
/// One client-side token bucket: <see cref="PermitsPerSecond"/> sustained, <see cref="Burst"/> at once; a rate of 0 means
/// unlimited. Keyed in <see cref="CloudClientOptions.RateLimits"/> by product (<c>SLB</c>) or product and action
/// (<c>SLB.CreateVServerGroup</c>); <see cref="CloudRateLimitText"/> is the one-line form for flags and cloud-config.
/// </summary>
public sealed class CloudRateLimit
{
    /// <summary>Sustained permits per second; 0 means unlimited (no bucket at all).</summary>
    public double PermitsPerSecond { get; set; } = 10;

    /// <summary>Permits available at once after a quiet spell: the bucket's size. Keep it within the cloud's own burst.</summary>
    public int Burst { get; set; } = 20;

    /// <summary>
    /// Callers of one priority class waiting for a permit before new ones of that class are refused (the call then fails
    /// fast with <c>Client.RateLimited</c>). Per class, so a full resync queue never refuses an event.
    /// </summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary><c>rate:burst</c>, as <see cref="CloudRateLimitText"/> writes it.</summary>
    public override string ToString() => CloudRateLimitText.FormatValue(this);
}
