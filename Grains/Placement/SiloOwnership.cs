using Orleans.Runtime;

namespace Ccm.Grains.Placement;

/// <summary>Which silo owns a key, by the silo addresses' stable text (the same on every silo).</summary>
public static class SiloOwnership
{
    public static SiloAddress? OwnerOf(string key, IReadOnlyCollection<SiloAddress> silos)
    {
        if (silos.Count <= 1)
        {
            return silos.FirstOrDefault();
        }

        var names = silos.ToDictionary(s => s.ToParsableString(), StringComparer.Ordinal);
        return Rendezvous.OwnerOf(key, names.Keys) is { } owner ? names[owner] : null;
    }

    /// <summary>Whether <paramref name="self"/> owns <paramref name="key"/> among <paramref name="silos"/> (which include it).</summary>
    public static bool Owns(SiloAddress self, string key, IReadOnlyCollection<SiloAddress> silos) => Equals(OwnerOf(key, silos), self);
}
