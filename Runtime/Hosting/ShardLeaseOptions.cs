namespace Ccm.Runtime;

/// <summary>
/// Shard ownership through <c>coordination.k8s.io/v1</c> Leases, with client-go's leader-election timings
/// (the upstream <c>--leader-elect-*</c> flags).
/// </summary>
public sealed class ShardLeaseOptions
{
    /// <summary>
    /// <c>--leader-elect</c>. False: this silo owns every shard, with no Lease traffic at all (one silo alone, or a
    /// test). True: shards are Leases shared with the other silos of the same <see cref="ResourceName"/>.
    /// </summary>
    public bool LeaderElect { get; set; } = true;

    /// <summary><c>--leader-elect-resource-name</c>: prefix of <c>&lt;name&gt;-shard-NN</c>, <c>&lt;name&gt;-silo-&lt;silo&gt;</c> and <c>&lt;name&gt;-reminders-NN</c>.</summary>
    public string ResourceName { get; set; } = "ccm";

    /// <summary><c>--leader-elect-resource-namespace</c>.</summary>
    public string Namespace { get; set; } = "kube-system";

    /// <summary>How long a holder's claim lasts after its last observed renewal (client-go 15 s).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A holder that has not renewed for this long stops the shard's grains (client-go 10 s).</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often Leases are renewed, observed and acquired (client-go 2 s).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Written on the membership Lease for peers and the dashboard (e.g. <c>http://10.0.0.5:8080</c>); optional.</summary>
    public string? AdvertisedAddress { get; set; }
}
