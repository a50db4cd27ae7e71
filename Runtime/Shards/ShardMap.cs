namespace Ccm.Runtime;

/// <summary>Which shard a grain lives on: a pure function of its type, key and the (fixed) shard count.</summary>
internal sealed class ShardMap(int shardCount)
{
    /// <summary>The pseudo-shard of <see cref="SiloLocalAttribute"/> grains: always run here, never moved.</summary>
    public const int Local = -1;

    public int ShardCount { get; } = shardCount;

    public int ShardOf(GrainType type, string key) => type.Placement switch
    {
        { SiloLocal: true } => Local,
        { AffinityGroup: { } group } => Modulo(StableHash.Of(group)),
        _ => Modulo(StableHash.Of(type.Name + "/" + key)),
    };

    private int Modulo(ulong hash) => (int)(hash % (ulong)ShardCount);
}
