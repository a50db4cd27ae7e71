namespace Ccm.Clustering.Kubernetes;

/// <summary>
/// Options of the reminder table: <see cref="Buckets"/> ConfigMaps <c>{prefix}-reminders-{bucket}</c>, each holding the
/// reminders of one slice of the grains' uniform hash range. The default prefix is <c>orleans-{ServiceId}</c>,
/// sanitized to DNS-1123 (reminders belong to the service, so they survive a new ClusterId).
/// </summary>
public sealed class KubernetesReminderTableOptions : KubernetesObjectOptions
{
    /// <summary>The default bucket count.</summary>
    public const int DefaultBuckets = 16;

    /// <summary>The most buckets a table may have.</summary>
    public const int MaxBuckets = 256;

    /// <summary>
    /// How many ConfigMaps the reminders are spread over. Each ConfigMap holds at most 1 MiB, about 4,000 reminders of
    /// typical size (about 250 bytes each), so the table holds about 4,000 × Buckets; an upsert into a full bucket
    /// fails with a <see cref="KubernetesClusteringException"/>. Fixed once the buckets exist: they record the count
    /// they were created with and the table refuses to start with another.
    /// </summary>
    public int Buckets { get; set; } = DefaultBuckets;
}
