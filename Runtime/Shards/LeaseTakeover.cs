namespace Ccm.Runtime;

/// <summary>The record a contender writes to take or create a Lease (client-go <c>tryAcquireOrRenew</c>).</summary>
internal static class LeaseTakeover
{
    /// <summary>
    /// A new holder counts one more transition; the same holder re-acquiring keeps the count and its
    /// <c>acquireTime</c>. A Lease being created starts at zero.
    /// </summary>
    public static int Transitions(LeaseRecord existing, string identity) =>
        existing.ResourceVersion is null ? 0
        : existing.HolderIdentity == identity ? existing.LeaseTransitions
        : existing.LeaseTransitions + 1;

    public static LeaseRecord Take(LeaseRecord existing, string identity, TimeSpan duration, DateTimeOffset now) => existing with
    {
        HolderIdentity = identity,
        LeaseDurationSeconds = (int)duration.TotalSeconds,
        AcquireTime = existing.HolderIdentity == identity && existing.AcquireTime is not null ? existing.AcquireTime : now,
        RenewTime = now,
        LeaseTransitions = Transitions(existing, identity),
    };

    /// <summary>Release (client-go <c>ReleaseOnCancel</c>): no holder, a 1 s duration, the transition count kept.</summary>
    public static LeaseRecord Release(LeaseRecord held, DateTimeOffset now) => held with
    {
        HolderIdentity = "",
        LeaseDurationSeconds = 1,
        AcquireTime = now,
        RenewTime = now,
    };
}
