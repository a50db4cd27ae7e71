namespace Ccm.CloudClients.Credentials;

/// <summary>When to replace expiring STS credentials: a pure function, tested table-driven.</summary>
public static class CredentialRefreshPolicy
{
    /// <summary>Fraction of the lifetime after which we refresh; leaves a fifth of it for retries and clock skew.</summary>
    public const double LifetimeFraction = 0.8;

    /// <summary>Never cut it closer than this before expiry: a signed request must still be valid when the server checks it.</summary>
    public static readonly TimeSpan MinimumMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The earlier of 80% of the lifetime and five minutes before <paramref name="expiration"/>, but not before
    /// <paramref name="issued"/> (an already-short lifetime refreshes on the next call).
    /// </summary>
    public static DateTimeOffset RefreshAt(DateTimeOffset issued, DateTimeOffset expiration)
    {
        var lifetime = expiration - issued;
        if (lifetime <= TimeSpan.Zero)
        {
            return issued;
        }

        var byFraction = issued + (lifetime * LifetimeFraction);
        var byMargin = expiration - MinimumMargin;
        var refreshAt = byFraction < byMargin ? byFraction : byMargin;
        return refreshAt < issued ? issued : refreshAt;
    }
}
