using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Ccm.Grains.Placement;

/// <summary>
/// Orleans' placement decision for <see cref="OwnerPlacement"/> and <see cref="RouteGroupPlacement"/>: the owner among the
/// silos that can host the grain type. Every silo decides alike from the same membership; while views differ for a
/// moment (a silo joining or dying) a grain may land elsewhere, which costs a remote call, never correctness.
/// </summary>
public sealed class OwnerPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var key = strategy is RouteGroupPlacement ? RouteGroupPlacement.Group : target.GrainIdentity.Key.ToString()!;
        return Task.FromResult(SiloOwnership.OwnerOf(key, silos) ?? context.LocalSilo);
    }
}
