namespace Ccm.Runtime;

/// <summary>
/// Places every grain of the interface's type on the one shard that <see cref="Group"/> hashes to, instead of one
/// shard per key. Grain types that carry the same group share that shard, so they always live on the same silo
/// and may call each other (calls only reach grains of shards this silo owns).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class ShardAffinityAttribute(string group) : Attribute
{
    public string Group { get; } = group;
}
