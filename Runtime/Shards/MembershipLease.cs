using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Ccm.Runtime;

/// <summary>
/// This silo's own Lease <c>&lt;prefix&gt;-silo-&lt;name&gt;</c>: held and renewed while the silo lives, so peers count
/// it among the members shards are hashed to. It follows the same client-go rules as shard Leases: another live
/// holder of the same name (a previous incarnation still running) is waited out, never overwritten.
/// </summary>
internal sealed class MembershipLease(
    ILeaseStore store, LeaseNames names, string siloName, string identity, ShardLeaseOptions options, DateTimeOffset startedAt, ILogger logger)
{
    private readonly string name = names.Silo(siloName);
    private LeaseRecord? own;
    private DateTimeOffset? renewedAt;

    /// <summary>When this silo first held its membership Lease (in this incarnation).</summary>
    public DateTimeOffset? JoinedAt { get; private set; }

    /// <summary>Whether this silo counts itself a member: it renewed its Lease within the renew deadline.</summary>
    public bool IsMember(DateTimeOffset now) => renewedAt + options.RenewDeadline > now;

    public async Task RenewAsync(LeaseObserver observer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (own is not null)
        {
            var renewed = await store.ReplaceAsync(own with { RenewTime = now, LeaseDurationSeconds = DurationSeconds }, cancellationToken);
            if (renewed is not null)
            {
                Held(renewed, now, observer);
                return;
            }

            own = null;
        }

        var existing = await store.GetAsync(name, cancellationToken);
        if (existing is null)
        {
            if (await store.CreateAsync(Record(new LeaseRecord { Name = name }, now), cancellationToken) is { } created)
            {
                Held(created, now, observer);
            }

            return;
        }

        observer.Observe(existing, now);
        if (existing.HolderIdentity == identity || !existing.IsHeld || observer.IsExpired(existing, now))
        {
            if (await store.ReplaceAsync(Record(existing, now), cancellationToken) is { } taken)
            {
                Held(taken, now, observer);
            }
        }
        else
        {
            logger.LogWarning(
                "Membership Lease {Lease} is held by {Holder}, another live silo with the name {SiloName}; waiting for it to expire",
                name, existing.HolderIdentity, siloName);
        }
    }

    /// <summary>Whether this silo still holds its membership Lease (false once it has left).</summary>
    public bool Holds => own is not null;

    /// <summary>
    /// Leaves the ring: release (so peers drop us at once), then delete. Conditional on our own last write, so a
    /// newer incarnation's record is never touched; a failed write is retried by the next round.
    /// </summary>
    public async Task LeaveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        renewedAt = null;
        if (own is null)
        {
            return;
        }

        var released = await store.ReplaceAsync(LeaseTakeover.Release(own, now), cancellationToken);
        if (released is null && await store.GetAsync(name, cancellationToken) is { } current && current.HolderIdentity == identity)
        {
            // Our own earlier write won after all (its reply was lost): release from the stored version.
            released = await store.ReplaceAsync(LeaseTakeover.Release(current, now), cancellationToken);
        }

        own = null;
        if (released is not null)
        {
            await store.DeleteAsync(name, cancellationToken);
        }
    }

    private int DurationSeconds => (int)options.LeaseDuration.TotalSeconds;

    private void Held(LeaseRecord lease, DateTimeOffset sentAt, LeaseObserver observer)
    {
        own = lease;
        renewedAt = sentAt;
        JoinedAt ??= sentAt;
        observer.Observe(lease, sentAt);
    }

    private LeaseRecord Record(LeaseRecord existing, DateTimeOffset now) => LeaseTakeover.Take(existing, identity, options.LeaseDuration, now) with
    {
        Labels = names.Labels("silo"),
        Annotations = existing.Annotations
            .SetItem(LeaseNames.SiloNameAnnotation, siloName)
            .SetItem(LeaseNames.StartedAtAnnotation, startedAt.ToString("O", CultureInfo.InvariantCulture))
            .SetItem(LeaseNames.AddressAnnotation, options.AdvertisedAddress ?? ""),
    };
}
