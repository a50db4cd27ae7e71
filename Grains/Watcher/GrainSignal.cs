using Ccm.GrainInterfaces;
using Ccm.Grains.Placement;

namespace Ccm.Grains.Watcher;

/// <summary>The grain types the watcher wakes.</summary>
public enum SignalTarget
{
    Service,
    Node,
    RouteTable,
}

/// <summary>A wake-up for one grain: which, and why (a change goes before a resync in the cloud budget).</summary>
public readonly record struct GrainSignal(SignalTarget Target, string Key, SignalKind Kind = SignalKind.Event)
{
    public static GrainSignal Service(string key, SignalKind kind = SignalKind.Event) => new(SignalTarget.Service, key, kind);

    public static GrainSignal Node(string name, SignalKind kind = SignalKind.Event) => new(SignalTarget.Node, name, kind);

    public static GrainSignal RouteTable(string routeTableId) => new(SignalTarget.RouteTable, routeTableId);

    /// <summary>The key whose owner silo hosts the grain: its own, or for route tables the route group's.</summary>
    public string PlacementKey => Target == SignalTarget.RouteTable ? RouteGroupPlacement.Group : Key;

    public override string ToString() => $"{Target}/{Key}";
}
