using System.Globalization;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>
/// The names of the membership objects, all fixed by the prefix and the slot count: the table ConfigMap and one
/// heartbeat Lease per silo slot. Nothing is named after a silo's address, so a Role can list every name.
/// </summary>
/// <param name="Prefix">The object-name prefix, already resolved.</param>
/// <param name="SiloSlots">How many slot Leases exist at most.</param>
public sealed record MembershipObjects(string Prefix, int SiloSlots)
{
    /// <summary>The ConfigMap that holds the table version and every row.</summary>
    public string TableConfigMap => $"{Prefix}-membership";

    /// <summary>The Lease that holds the IAmAlive time of the silo in <paramref name="slot"/>.</summary>
    public string SlotLease(int slot) => $"{Prefix}-silo-{slot.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every slot Lease name, slot 0 first.</summary>
    public IReadOnlyList<string> SlotLeases => [.. Enumerable.Range(0, SiloSlots).Select(SlotLease)];

    /// <summary>The names for <paramref name="options"/> in the cluster of <paramref name="serviceId"/>/<paramref name="clusterId"/>.</summary>
    public static MembershipObjects For(KubernetesClusteringOptions options, string serviceId, string clusterId) =>
        new(options.NamePrefix ?? Objects.ObjectNamePrefix.ForMembership(serviceId, clusterId), options.SiloSlots);
}
