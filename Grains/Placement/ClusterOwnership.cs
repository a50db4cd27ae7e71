using Orleans.Runtime;

namespace Ccm.Grains.Placement;

/// <summary>
/// This silo's view of who owns which key: the active silos of the membership table (and those stopping, until they are
/// Dead: see <see cref="ClusterOwnershipTracker"/>), and this silo itself from the moment it starts
/// (<see cref="OwnerPlacementDirector"/> decides the same way among the active ones). When membership changes,
/// <see cref="Changed"/> reports the silos before and after, so the watcher can wake the grains this silo inherited.
/// </summary>
public sealed class ClusterOwnership(ILocalSiloDetails local)
{
    private volatile SiloAddress[] active = [local.SiloAddress];

    /// <summary>Raised on the membership loop with the active silos before and after a change.</summary>
    public event Action<IReadOnlyList<SiloAddress>, IReadOnlyList<SiloAddress>>? Changed;

    public SiloAddress Self => local.SiloAddress;

    public IReadOnlyList<SiloAddress> Active => active;

    public bool Owns(string key) => SiloOwnership.Owns(Self, key, active);

    /// <summary>Whether this silo owns <paramref name="key"/> among <paramref name="silos"/>.</summary>
    public bool OwnsAmong(string key, IReadOnlyList<SiloAddress> silos) => SiloOwnership.Owns(Self, key, silos);

    internal void Update(IEnumerable<SiloAddress> activeSilos)
    {
        SiloAddress[] next = [.. activeSilos.Append(Self).Distinct().OrderBy(s => s)];
        var before = active;
        if (before.SequenceEqual(next))
        {
            return;
        }

        active = next;
        Changed?.Invoke(before, next);
    }
}
