using Ccm.Clustering.Kubernetes.Objects;
using k8s.Models;

namespace Ccm.Clustering.Kubernetes.Membership;

/// <summary>
/// IAmAlive times in the slot Leases: <c>holderIdentity</c> is the silo's parsable address, <c>renewTime</c> its last
/// IAmAlive. A Lease counts for a row only while it names that row's silo, so a slot handed to a new silo never lends
/// its heartbeat to the silo that held it before. Writing a Lease never touches the table ConfigMap, so heartbeats
/// leave the table version and every row etag as they were.
/// </summary>
internal sealed class SiloHeartbeats(LeaseClient leases, MembershipObjects names, KubernetesClusteringOptions options)
{
    private const int MaxAttempts = 5;

    /// <summary>The IAmAlive time the row's slot Lease holds for it, or null.</summary>
    public async Task<DateTime?> ReadAsync(MembershipRow row, CancellationToken cancellationToken)
    {
        if (row.Slot is not { } slot || await leases.TryGetAsync(names.SlotLease(slot), cancellationToken) is not { } lease)
        {
            return null;
        }

        return lease.Spec?.HolderIdentity == row.SiloAddress ? AsUtc(lease.Spec.RenewTime) : null;
    }

    /// <summary>
    /// Records <paramref name="time"/> as the IAmAlive of <paramref name="silo"/> in <paramref name="slot"/>, creating
    /// the Lease or taking it over from the slot's previous silo. Retries when another writer got in between.
    /// </summary>
    public async Task WriteAsync(int slot, string silo, DateTime time, CancellationToken cancellationToken)
    {
        var name = names.SlotLease(slot);
        time = AsUtc(time)!.Value;
        for (var attempt = 1; ; attempt++)
        {
            var written = await leases.TryGetAsync(name, cancellationToken) is { } current
                ? await leases.TryReplaceAsync(Renewed(current, silo, time), cancellationToken)
                : await leases.TryCreateAsync(New(name, silo, time), cancellationToken);
            if (written)
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                throw new KubernetesClusteringException($"Lease {name} kept changing under {MaxAttempts} writes of the IAmAlive of {silo}; another process writes it.");
            }
        }
    }

    /// <summary>Deletes the slot's Lease if it still names <paramref name="silo"/> (a silo that took the slot keeps it).</summary>
    public async Task DeleteAsync(int slot, string silo, CancellationToken cancellationToken)
    {
        var name = names.SlotLease(slot);
        if (await leases.TryGetAsync(name, cancellationToken) is { } lease && lease.Spec?.HolderIdentity == silo)
        {
            await leases.DeleteAsync(name, lease.ResourceVersion(), cancellationToken);
        }
    }

    /// <summary>Deletes the Lease named <paramref name="name"/> whoever holds it (the whole table is going).</summary>
    public Task DeleteAnyAsync(string name, CancellationToken cancellationToken) => leases.DeleteAsync(name, null, cancellationToken);

    private V1Lease New(string name, string silo, DateTime time) => new()
    {
        Metadata = ObjectLabels.Metadata(options, name, "orleans-silo-heartbeat"),
        Spec = new V1LeaseSpec { HolderIdentity = silo, AcquireTime = time, RenewTime = time, LeaseTransitions = 0 },
    };

    private static V1Lease Renewed(V1Lease current, string silo, DateTime time)
    {
        var spec = current.Spec ?? new V1LeaseSpec();
        var takeover = spec.HolderIdentity != silo;
        var lease = new V1Lease
        {
            ApiVersion = current.ApiVersion,
            Kind = current.Kind,
            Metadata = current.Metadata,
            Spec = new V1LeaseSpec
            {
                HolderIdentity = silo,
                AcquireTime = takeover ? time : spec.AcquireTime,
                RenewTime = time,
                LeaseTransitions = takeover ? (spec.LeaseTransitions ?? 0) + 1 : spec.LeaseTransitions,
            },
        };
        return lease;
    }

    /// <summary>Orleans' times are UTC; a Lease's may come back as local time, and an unspecified kind is taken as UTC.</summary>
    private static DateTime? AsUtc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
    };
}
