using System.Collections.Immutable;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Routes;

/// <summary>
/// Plans one route table (pure: no I/O, no logging). Each desired route is present, pending, created, replaced (when an
/// entry of ours points at the wrong instance: deleted now, created next turn, since the service keeps a deleted entry
/// around while it settles), or left alone when a route we do not manage holds its destination. An entry no desired
/// route uses is deleted only when it is of our shape (<see cref="RouteOwnership"/>), settled, the cache has synced,
/// and no live node claims its destination or next hop, which also collects routes of nodes deleted while the CCM
/// was down (and a route made by hand in the same shape: with <see cref="RoutePlanInput.CollectUnclaimed"/> off only entries
/// whose description marks them as created here are collected). Creates stop at the table's known room.
/// </summary>
public static class RoutePlanner
{
    public const string Available = "Available";
    public const string Deleting = "Deleting";

    public static RoutePlan Plan(RoutePlanInput input)
    {
        var byDestination = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        foreach (var entry in input.Entries)
        {
            if (Ipv4Cidr.Canonical(entry.DestinationCidrBlock) is { } destination)
            {
                byDestination.TryAdd(destination, entry);
            }
        }

        var states = input.Nodes.Desired.Select(r => ForDesired(r, byDestination.GetValueOrDefault(r.DestinationCidrBlock), input)).ToList();
        var wanted = input.Nodes.Desired.Select(r => r.DestinationCidrBlock).ToHashSet(StringComparer.Ordinal);
        var stale = states.Where(s => s.Status == RouteStatus.Replacing).Select(s => Replaced(s, byDestination[s.Route.DestinationCidrBlock]))
            .Concat(input.Entries.Where(e => !wanted.Contains(Ipv4Cidr.Canonical(e.DestinationCidrBlock) ?? "")).Select(e => Unclaimed(e, input)).OfType<StaleRoute>())
            .ToList();
        states = LimitToRoom(states, input.Room);
        var creates = states.Where(s => s.Status == RouteStatus.Creating).Select(s => s.Route).ToList();
        return new RoutePlan([.. Deletes(stale, input.BatchSize), .. Creates(creates, input)], states, stale);
    }

    private static RouteState ForDesired(NodeRoute route, RouteEntry? entry, RoutePlanInput input)
    {
        if (entry is null)
        {
            return input.Rejected.TryGetValue(route, out var refusal)
                ? new RouteState(route, RouteStatus.Rejected, Note: refusal)
                : new RouteState(route, RouteStatus.Creating);
        }

        if (entry.Status == Deleting)
        {
            return new RouteState(route, RouteStatus.Waiting, entry.RouteEntryId, "the previous entry is still being deleted");
        }

        if (RouteOwnership.SingleInstanceHop(entry)?.NextHopId == route.InstanceId)
        {
            return new RouteState(route, entry.Status == Available ? RouteStatus.Present : RouteStatus.Pending, entry.RouteEntryId);
        }

        if (RouteOwnership.WhyUntouchable(entry, input.ClusterCidr) is { } why)
        {
            return new RouteState(route, RouteStatus.Blocked, entry.RouteEntryId, $"held by a route this controller does not manage: {why}");
        }

        var hop = entry.NextHops[0].NextHopId;
        return !input.CacheSynced || entry.Status != Available
            ? new RouteState(route, RouteStatus.Waiting, entry.RouteEntryId, $"points at {hop}; replaced once settled")
            : new RouteState(route, RouteStatus.Replacing, entry.RouteEntryId, $"points at {hop}, not {route.InstanceId}");
    }

    private static StaleRoute Replaced(RouteState state, RouteEntry entry) =>
        new(entry.RouteEntryId, state.Route.DestinationCidrBlock, entry.NextHops[0].NextHopId!, $"node {state.Route.NodeName} is {state.Route.InstanceId}");

    /// <summary>An entry no desired route uses: stale only if it is ours in shape, settled, and no live node claims it.</summary>
    private static StaleRoute? Unclaimed(RouteEntry entry, RoutePlanInput input)
    {
        if (!input.CacheSynced || entry.Status != Available || (!input.CollectUnclaimed && !RouteOwnership.MarkedOurs(entry)) || RouteOwnership.WhyUntouchable(entry, input.ClusterCidr) is not null)
        {
            return null;
        }

        var destination = Ipv4Cidr.Canonical(entry.DestinationCidrBlock)!;
        var hop = RouteOwnership.SingleInstanceHop(entry)!.NextHopId!;
        return input.Nodes.Live.Claims(destination, hop) ? null : new StaleRoute(entry.RouteEntryId, destination, hop, "no live node");
    }

    /// <summary>Creates past the table's known room would only fail with QuotaExceeded: they wait instead.</summary>
    private static List<RouteState> LimitToRoom(List<RouteState> states, int? room)
    {
        var left = room ?? int.MaxValue;
        var limited = new List<RouteState>(states.Count);
        foreach (var state in states)
        {
            var fits = state.Status != RouteStatus.Creating || left-- > 0;
            limited.Add(fits ? state : state with { Status = RouteStatus.Full, Note = "the route table is full" });
        }

        return limited;
    }

    private static IEnumerable<RouteOperation> Deletes(IReadOnlyList<StaleRoute> stale, int batchSize) =>
        stale.Chunk(Math.Clamp(batchSize, 1, 50)).Select(chunk => chunk.Length == 1
            ? (RouteOperation)new RouteOperation.DeleteOne(chunk[0])
            : new RouteOperation.DeleteBatch([.. chunk]));

    private static IEnumerable<RouteOperation> Creates(IReadOnlyList<NodeRoute> routes, RoutePlanInput input) =>
        routes.Chunk(Math.Clamp(input.BatchSize, 1, 50)).Select(chunk => chunk.Length == 1
            ? (RouteOperation)new RouteOperation.CreateOne(chunk[0], RouteClientToken.For(input.RouteTableId, chunk[0], input.ObservedAt))
            : new RouteOperation.CreateBatch(ImmutableArray.Create(chunk)));
}
