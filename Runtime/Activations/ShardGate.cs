namespace Ccm.Runtime;

/// <summary>
/// Whether one shard's grains may run on this silo right now. Open while the shard's Lease is held and renewed;
/// it also closes by itself when the renew deadline passes, so a silo whose renewal loop is stalled (a slow API
/// server, a starved thread pool) stops starting turns on time even before the loop notices (client-go: stop
/// acting as leader at <c>RenewDeadline</c>).
/// </summary>
internal sealed class ShardGate(TimeProvider time)
{
    private long validUntilUtcTicks;

    /// <summary>Held while creating an activation of this shard, so that closing and draining see every one of them.</summary>
    public Lock CreationLock { get; } = new();

    public bool IsOpen => time.GetUtcNow().UtcTicks < Volatile.Read(ref validUntilUtcTicks);

    /// <summary>The moment the gate closes by itself (<see cref="DateTimeOffset.MinValue"/> when closed).</summary>
    public DateTimeOffset ValidUntil => new(Volatile.Read(ref validUntilUtcTicks), TimeSpan.Zero);

    public void OpenUntil(DateTimeOffset validUntil)
    {
        lock (CreationLock)
        {
            Volatile.Write(ref validUntilUtcTicks, validUntil.UtcTicks);
        }
    }

    public void Close()
    {
        lock (CreationLock)
        {
            Volatile.Write(ref validUntilUtcTicks, 0);
        }
    }
}
