namespace Ccm.Clustering.Kubernetes;

/// <summary>
/// Options of the membership table: one ConfigMap <c>{prefix}-membership</c> holding the rows and the table version,
/// and one Lease per silo slot, <c>{prefix}-silo-{slot}</c>, holding that silo's IAmAlive time. The default prefix is
/// <c>orleans-{ServiceId}-{ClusterId}</c>, sanitized to DNS-1123 (see <see cref="Objects.ObjectNamePrefix"/>).
/// </summary>
public sealed class KubernetesClusteringOptions : KubernetesObjectOptions
{
    /// <summary>The default number of silo slots.</summary>
    public const int DefaultSiloSlots = 16;

    /// <summary>
    /// How many silos may be alive (any status but Dead) at once, which is also how many heartbeat Leases exist at
    /// most. Fixing the number fixes the Lease names, so the Role can grant get/update/delete by resourceName. A rolling
    /// restart briefly holds a slot for the old and the new silo, so keep it at least twice the replica count. Raising
    /// it is always safe; lowering it is safe once no live silo holds a slot at or above the new value.
    /// </summary>
    public int SiloSlots { get; set; } = DefaultSiloSlots;
}
