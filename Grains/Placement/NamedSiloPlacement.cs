using Ccm.GrainInterfaces;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Ccm.Grains.Placement;

/// <summary>
/// Places a grain on the silo its key names (after the last <c>/</c>, as <see cref="SiloAddress.ToParsableString"/>
/// writes it), and nowhere else: a silo's watcher (<see cref="GrainKeys.Watcher"/>) reads that silo's cache and
/// signals that silo's share of the keys, so on any other silo it would leave the share unsignalled.
/// </summary>
/// <remarks>
/// Orleans' <c>[PreferLocalPlacement]</c> is not enough: while a silo is still joining (not Active in its own view, or
/// its grain types not yet in the cluster manifest) it places the grain on a random other silo, and a silo restarted
/// under chaos did exactly that, its watcher running beside another silo's and its own share never signalled.
/// </remarks>
[GenerateSerializer, Immutable, Alias("Ccm.NamedSiloPlacement")]
public sealed class NamedSiloPlacement : PlacementStrategy
{
    public static NamedSiloPlacement Instance { get; } = new();

    /// <summary>The silo a key names, or null when it names none.</summary>
    public static SiloAddress? SiloOf(string key)
    {
        var text = key[(key.LastIndexOf('/') + 1)..];
        try
        {
            return SiloAddress.FromParsableString(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>Marks a grain class for <see cref="NamedSiloPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NamedSiloPlacementAttribute() : PlacementAttribute(NamedSiloPlacement.Instance);

/// <summary>
/// Orleans' placement decision for <see cref="NamedSiloPlacement"/>: the named silo when it is this one (even before it
/// is Active) or one that can host the grain type; otherwise the call fails, rather than placing the grain on a silo the
/// key does not name (a dead silo's watcher asked for by the dashboard, say).
/// </summary>
public sealed class NamedSiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        var silo = NamedSiloPlacement.SiloOf(key)
            ?? throw new OrleansException($"The grain key {key} names no silo: a grain placed by {nameof(NamedSiloPlacement)} needs a key ending in a silo address");
        if (silo.Equals(context.LocalSilo) || context.GetCompatibleSilos(target).Contains(silo))
        {
            return Task.FromResult(silo);
        }

        throw new SiloUnavailableException($"The silo {silo} that the grain key {key} names is not an active silo of the cluster; the grain is placed nowhere else");
    }
}
