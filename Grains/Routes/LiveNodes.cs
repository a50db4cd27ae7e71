using System.Collections.Immutable;

namespace Ccm.Grains.Routes;

/// <summary>
/// What every Node in the (synced) cluster cache claims, whether or not it gets a route: all of its IPv4 pod CIDRs and
/// its instance id. A route that matches any of these belongs to a live node and is never collected as stale.
/// </summary>
public sealed record LiveNodes
{
    public static LiveNodes None { get; } = new();

    public ImmutableHashSet<string> PodCidrs { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    public ImmutableHashSet<string> InstanceIds { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Whether a live node claims <paramref name="destinationCidrBlock"/> or is the instance <paramref name="nextHopId"/>.</summary>
    public bool Claims(string destinationCidrBlock, string? nextHopId) =>
        PodCidrs.Contains(destinationCidrBlock) || (nextHopId is not null && InstanceIds.Contains(nextHopId));
}
