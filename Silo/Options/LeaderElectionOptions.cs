namespace Ccm.Silo.Options;

/// <summary>
/// Lease settings with client-go's meaning. Here they time the shard and membership Leases; with
/// <see cref="Enabled"/> false one silo owns every shard without contention.
/// </summary>
public sealed record LeaderElectionOptions
{
    public bool Enabled { get; init; }

    /// <summary>How long a Lease is valid after its last renewal; others take over after it.</summary>
    public TimeSpan LeaseDuration { get; init; }

    /// <summary>How long a holder keeps trying to renew before it gives the Lease up.</summary>
    public TimeSpan RenewDeadline { get; init; }

    /// <summary>The interval between acquire/renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; }

    /// <summary>Prefix of the shard and membership Lease names.</summary>
    public string ResourceName { get; init; } = "";

    /// <summary>Namespace of the Leases (<c>$POD_NAMESPACE</c>, else <c>kube-system</c>).</summary>
    public string ResourceNamespace { get; init; } = "";
}
