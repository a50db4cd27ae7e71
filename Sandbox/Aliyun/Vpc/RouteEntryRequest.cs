using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>A route entry to create, as read from CreateRouteEntry or one item of CreateRouteEntries.</summary>
internal sealed record RouteEntryRequest(
    string RouteTableId, string DestinationCidrBlock, IReadOnlyList<RouteNextHop> NextHops, string Name, string Description);
