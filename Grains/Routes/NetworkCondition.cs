namespace Ccm.Grains.Routes;

/// <summary>The <c>NetworkUnavailable</c> condition a node should carry, and the names route controllers use.</summary>
/// <param name="NodeName">The node.</param>
/// <param name="Status"><c>True</c> (no route in some table) or <c>False</c> (routed in every table).</param>
/// <param name="Reason"><see cref="RouteCreated"/> or <see cref="NoRouteCreated"/>.</param>
/// <param name="Message">Which tables hold or lack the route.</param>
public sealed record NetworkCondition(string NodeName, string Status, string Reason, string Message)
{
    public const string Type = "NetworkUnavailable";
    public const string RouteCreated = "RouteCreated";
    public const string NoRouteCreated = "NoRouteCreated";
}
