namespace Ccm.Grains.Routes;

/// <summary>An entry of ours to delete: no live node claims it, or it sends a node's pod CIDR to the wrong instance.</summary>
public sealed record StaleRoute(string RouteEntryId, string DestinationCidrBlock, string NextHopId, string Reason);
