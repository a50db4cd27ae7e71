namespace Ccm.Runtime;

/// <summary>
/// This silo's state for one shard: whether it holds the Lease (and the record it last wrote, whose
/// resourceVersion the next renewal is conditioned on), when it last renewed, and a drain in progress.
/// Mutated only by the shard loop; read by statistics under the lock.
/// </summary>
internal sealed class ShardSlot(int shard, string leaseName)
{
    private readonly Lock gate = new();

    public int Shard { get; } = shard;

    public string LeaseName { get; } = leaseName;

    public ShardState State { get; private set; }

    /// <summary>Our last written (or adopted) record while held.</summary>
    public LeaseRecord? Lease { get; private set; }

    /// <summary>When the last successful write was sent: the renew deadline counts from the send, not the reply.</summary>
    public DateTimeOffset? RenewedAt { get; private set; }

    public Task? Drain { get; private set; }

    public bool Drained => Drain is null || Drain.IsCompleted;

    public LeaseRecord? Observed { get; private set; }

    public string? AssignedTo { get; private set; }

    public bool IsHeld => State != ShardState.NotHeld;

    public DateTimeOffset? ValidUntil(TimeSpan renewDeadline) => RenewedAt + renewDeadline;

    public void Observe(LeaseRecord? observed, string? assignedTo) => Update(() => (Observed, AssignedTo) = (observed, assignedTo));

    public void Acquired(LeaseRecord lease, DateTimeOffset sentAt) =>
        Update(() => (State, Lease, RenewedAt, Drain, Observed) = (ShardState.Active, lease, sentAt, null, lease));

    public void Renewed(LeaseRecord lease, DateTimeOffset sentAt) => Update(() => (Lease, RenewedAt, Observed) = (lease, sentAt, lease));

    /// <summary>Our write lost to one of our own (a lost reply): continue from the stored record.</summary>
    public void Adopt(LeaseRecord lease) => Update(() => (Lease, Observed) = (lease, lease));

    public void Draining(Task drain) => Update(() => (State, Drain) = (ShardState.Draining, drain));

    public void Resumed() => Update(() => (State, Drain) = (ShardState.Active, null));

    public void Released() => Update(() => (State, Lease, RenewedAt) = (ShardState.NotHeld, null, null));

    public ShardStatistics Snapshot(TimeSpan renewDeadline)
    {
        lock (gate)
        {
            var lease = Lease ?? Observed;
            return new ShardStatistics
            {
                Shard = Shard,
                State = State,
                Holder = string.IsNullOrEmpty(lease?.HolderIdentity) ? null : lease.HolderIdentity,
                AssignedTo = AssignedTo,
                AcquireTime = lease?.AcquireTime,
                RenewedAt = RenewedAt,
                ValidUntil = IsHeld ? ValidUntil(renewDeadline) : null,
                LeaseTransitions = lease?.LeaseTransitions ?? 0,
            };
        }
    }

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
        }
    }
}
