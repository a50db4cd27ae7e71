namespace Ccm.Grains.Placement;

/// <summary>
/// Rendezvous (highest random weight) hashing of grain keys to silos: every silo computes the same owner from the same
/// member list, and when a silo joins or leaves only the keys it wins or held move (about 1/n of them).
/// </summary>
internal static class Rendezvous
{
    /// <summary>The owner of <paramref name="key"/> among <paramref name="members"/>, or null when there is none.</summary>
    public static string? OwnerOf(string key, IReadOnlyCollection<string> members)
    {
        string? owner = null;
        var best = 0UL;
        foreach (var member in members)
        {
            var weight = Weight(member, key);
            // Ties (astronomically rare) go to the smaller name, so the choice never depends on list order.
            if (owner is null || weight > best || (weight == best && string.CompareOrdinal(member, owner) < 0))
            {
                owner = member;
                best = weight;
            }
        }

        return owner;
    }

    private static ulong Weight(string member, string key) =>
        StableHash.Mix(StableHash.Of(member) ^ (StableHash.Of(key) + 0x9E3779B97F4A7C15));
}
