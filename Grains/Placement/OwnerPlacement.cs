using Orleans.Placement;
using Orleans.Runtime;

namespace Ccm.Grains.Placement;

/// <summary>
/// Places a grain on its key's owner: the active silo that wins the rendezvous hash of the key (<see cref="Rendezvous"/>).
/// Each silo's watcher signals exactly the keys it owns, so a change costs one local call, and when a silo leaves, each
/// survivor knows which keys it inherited and wakes only those (its share of the dead silo's grains).
/// </summary>
[GenerateSerializer, Immutable, Alias("Ccm.OwnerPlacement")]
public sealed class OwnerPlacement : PlacementStrategy
{
    public static OwnerPlacement Instance { get; } = new();
}

/// <summary>
/// Places every grain of the type on the owner of one group name, not of its key: the route table grains and the
/// NetworkUnavailable writer share a silo, so they share the per-VPC write gate and the coverage board.
/// </summary>
[GenerateSerializer, Immutable, Alias("Ccm.RouteGroupPlacement")]
public sealed class RouteGroupPlacement : PlacementStrategy
{
    /// <summary>The key whose owner hosts the group.</summary>
    public const string Group = "route-tables";

    public static RouteGroupPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class for <see cref="OwnerPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OwnerPlacementAttribute() : PlacementAttribute(OwnerPlacement.Instance);

/// <summary>Marks a grain class for <see cref="RouteGroupPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RouteGroupPlacementAttribute() : PlacementAttribute(RouteGroupPlacement.Instance);
