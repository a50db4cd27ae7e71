namespace Ccm.Grains.Watcher;

/// <summary>The grain types the watcher signals.</summary>
public enum SignalTarget
{
    Service,
    Node,
    RouteTable,
}

/// <summary>"Reconcile this grain soon": a grain type and key, nothing about what changed (grains read the cache).</summary>
public readonly record struct GrainSignal(SignalTarget Target, string Key)
{
    public static GrainSignal Service(string key) => new(SignalTarget.Service, key);

    public static GrainSignal Node(string name) => new(SignalTarget.Node, name);

    public static GrainSignal RouteTable(string routeTableId) => new(SignalTarget.RouteTable, routeTableId);

    public override string ToString() => $"{Target}/{Key}";
}
