namespace Ccm.Runtime;

/// <summary>
/// Rendezvous (highest random weight) hashing of shards to silos: every silo computes the same owner from the same
/// member list, and when a silo joins or leaves only the shards it wins or held move (about 1/n of them).
/// </summary>
internal static class Rendezvous
{
    /// <summary>The owner of <paramref name="shard"/> among <paramref name="members"/>, or null when there is none.</summary>
    public static string? OwnerOf(int shard, IReadOnlyCollection<string> members)
    {
        string? owner = null;
        var best = 0UL;
        foreach (var member in members)
        {
            var weight = Weight(member, shard);
            // Ties (astronomically rare) go to the smaller name, so the choice never depends on list order.
            if (owner is null || weight > best || (weight == best && string.CompareOrdinal(member, owner) < 0))
            {
                owner = member;
                best = weight;
            }
        }

        return owner;
    }

    private static ulong Weight(string member, int shard) =>
        StableHash.Mix(StableHash.Of(member) ^ StableHash.Mix((ulong)shard + 0x9E3779B97F4A7C15));
}
