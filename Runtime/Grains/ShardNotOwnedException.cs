namespace Ccm.Runtime;

/// <summary>
/// A call reached a silo that does not run the grain's shard right now (another silo owns it, or it is moving).
/// Retry later or leave it to the owner: grains live only on their shard's owner.
/// </summary>
public sealed class ShardNotOwnedException : InvalidOperationException
{
    public ShardNotOwnedException(GrainId grainId, int shard, string siloName)
        : base($"grain {grainId} lives on shard {shard}, which silo {siloName} does not run now (another silo owns it, or it is moving)")
    {
        GrainId = grainId;
        Shard = shard;
    }

    public ShardNotOwnedException()
    {
    }

    public ShardNotOwnedException(string message)
        : base(message)
    {
    }

    public ShardNotOwnedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainId GrainId { get; }

    public int Shard { get; } = -1;
}
