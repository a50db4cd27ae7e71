namespace Ccm.Runtime;

/// <summary>What one step of the shard protocol does with one shard.</summary>
internal enum ShardStep
{
    None,

    /// <summary>The Lease does not exist: create it with us as holder.</summary>
    Create,

    /// <summary>The Lease is released, expired, or names us: take it (conditional PUT).</summary>
    Acquire,

    /// <summary>Held here but assigned elsewhere: stop signalling, let turns finish, deactivate.</summary>
    BeginDrain,

    /// <summary>Drained: clear the holder so the assigned silo may acquire at once.</summary>
    Release,

    /// <summary>Drained, but assigned here again: run it again without releasing.</summary>
    Resume,

    /// <summary>Someone else holds the Lease we thought ours: stop its grains at once.</summary>
    Lose,
}

/// <summary>The Lease as this step sees it.</summary>
/// <param name="Exists">The Lease exists.</param>
/// <param name="HeldByMe">Its holder is this silo's identity.</param>
/// <param name="HeldByOther">Its holder is another identity.</param>
/// <param name="Expired">Held by another, and not seen to change for its lease duration.</param>
internal readonly record struct LeaseView(bool Exists, bool HeldByMe, bool HeldByOther, bool Expired);

/// <summary>
/// The shard protocol as one pure function. It never takes a shard from a live holder: the holder drains and
/// releases when it sees the shard assigned elsewhere (an acknowledged handover, as controller-sharding's drain
/// label), and only a released or expired Lease is acquired (client-go <c>tryAcquireOrRenew</c>).
/// </summary>
internal static class ShardPlanner
{
    public static ShardStep Next(ShardState state, bool drained, bool assignedHere, LeaseView lease) => state switch
    {
        ShardState.Active when !lease.HeldByMe => ShardStep.Lose,
        ShardState.Active => assignedHere ? ShardStep.None : ShardStep.BeginDrain,
        ShardState.Draining when !lease.HeldByMe => ShardStep.Lose,
        ShardState.Draining when !drained => ShardStep.None,
        ShardState.Draining => assignedHere ? ShardStep.Resume : ShardStep.Release,
        _ when !assignedHere => ShardStep.None,
        _ when !lease.Exists => ShardStep.Create,
        _ when !lease.HeldByOther || lease.Expired => ShardStep.Acquire,
        _ => ShardStep.None,
    };
}
