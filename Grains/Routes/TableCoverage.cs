using System.Collections.Immutable;

namespace Ccm.Grains.Routes;

/// <summary>
/// Which node routes one table held at its grain's latest read (Available, right next hop). <paramref name="Problem"/>
/// says why a table holds none it should (it does not exist), for the condition's message.
/// </summary>
public sealed record TableCoverage(string RouteTableId, ImmutableHashSet<NodeRoute> Present, DateTimeOffset At, string? Problem = null);
