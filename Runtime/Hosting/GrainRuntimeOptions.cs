namespace Ccm.Runtime;

/// <summary>Options of one silo's grain runtime (bound from flags by the silo host).</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>
    /// This silo's name: unique among live silos, stable across restarts of the same pod (the pod name). It names the
    /// membership Lease, so it must be a DNS subdomain (lower case, digits, '-', '.').
    /// </summary>
    public string SiloName { get; set; } = "";

    /// <summary>
    /// Number of shards grains are spread over. Fixed for the life of a cluster: a grain's shard is
    /// <c>hash(type/key) % ShardCount</c>, and reminders are stored per shard.
    /// </summary>
    public int ShardCount { get; set; } = 16;

    /// <summary>How long a grain call waits for its turn to complete (Orleans' <c>ResponseTimeout</c>, 30 s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation with no turn for this long, and nothing pending, is deactivated (Orleans' <c>CollectionAge</c>, 15 min).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for (Orleans' <c>CollectionQuantum</c>, 1 min).</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound on <see cref="Grain.OnActivateAsync"/> (Orleans' <c>ActivationTimeout</c>, 30 s).</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on <see cref="Grain.OnDeactivateAsync"/> and on waiting for a draining turn (Orleans' <c>DeactivationTimeout</c>, 30 s).</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A reconcile turn's token fires after this long; the turn then counts as failed and is retried.</summary>
    public TimeSpan ReconcileTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Smallest reminder period accepted (Orleans' <c>MinimumReminderPeriod</c>, 1 min). Tests lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Backoff of failed reconcile turns.</summary>
    public RetryBackoffOptions Retry { get; set; } = new();

    /// <summary>How shards are owned: Leases (several silos) or all by this silo.</summary>
    public ShardLeaseOptions Leases { get; set; } = new();
}
