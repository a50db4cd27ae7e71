namespace Ccm.Grains.Routes;

/// <summary>What <see cref="RoutePlanner"/> decided for one table.</summary>
/// <param name="Operations">The cloud calls, in order: deletes, then creates.</param>
/// <param name="Routes">One state per desired route, in node-name order.</param>
/// <param name="Stale">The entries the deletes remove.</param>
public sealed record RoutePlan(IReadOnlyList<RouteOperation> Operations, IReadOnlyList<RouteState> Routes, IReadOnlyList<StaleRoute> Stale)
{
    /// <summary>Something is settling or changing: the table should be read again shortly.</summary>
    public bool Unsettled => Operations.Count > 0 || Routes.Any(r => r.Status is RouteStatus.Pending or RouteStatus.Waiting or RouteStatus.Replacing);

    /// <summary>Routes that could not be created for lack of room.</summary>
    public int BlockedByQuota => Routes.Count(r => r.Status == RouteStatus.Full);
}
