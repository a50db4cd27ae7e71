using Ccm.GrainInterfaces;
using Ccm.Grains.Services;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Watcher;

/// <summary>
/// Who to wake for a change: pure functions of the old and new object (and, for nodes, the cached Services).
/// Only grains whose state can depend on the change are named; which of them run on this silo is the runtime's
/// business (a signal for another silo's shard is dropped there and handled by the owner).
/// </summary>
public static class FanOutRules
{
    /// <summary>A Service change wakes its grain when the Service is ours before or after (wants a CLB or carries our finalizer).</summary>
    public static IReadOnlyList<GrainSignal> ForService(V1Service? old, V1Service? @new)
    {
        var service = @new ?? old!;
        var managed = (old is not null && ServicePredicates.IsManaged(old)) || (@new is not null && ServicePredicates.IsManaged(@new));
        return managed && ObjectChanges.ServiceDiffers(old, @new)
            ? [GrainSignal.Service(GrainKeys.Service(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name ?? ""))]
            : [];
    }

    /// <summary>
    /// An EndpointSlice change wakes the grain of the Service it belongs to (both Services when the slice moved),
    /// when that Service is ours: the grains of ClusterIP Services have nothing to do.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForEndpointSlice(V1EndpointSlice? old, V1EndpointSlice? @new, Func<string, string, V1Service?> service)
    {
        if (!ObjectChanges.EndpointSliceDiffers(old, @new))
        {
            return [];
        }

        var slice = @new ?? old!;
        var ns = slice.Metadata.NamespaceProperty ?? "";
        return new[] { old, @new }
            .Select(s => s is null ? null : ObjectChanges.ServiceName(s))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Where(name => service(ns, name) is { } owner && ServicePredicates.IsManaged(owner))
            .Select(name => GrainSignal.Service(GrainKeys.Service(ns, name)))
            .ToList();
    }

    /// <summary>
    /// A Node change wakes: the node's grain (unless only heartbeats moved); every route table when the node's
    /// route can change; and the Services whose backends follow the nodes, when the node's eligibility can change.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForNode(
        V1Node? old, V1Node? @new, Func<IReadOnlyList<V1Service>> services, IReadOnlyList<string> routeTableIds, bool eniBackendsByDefault)
    {
        var name = (@new ?? old!).Metadata.Name ?? "";
        var signals = new List<GrainSignal>();
        if (NodeChanges.MattersToNodeGrain(old, @new))
        {
            signals.Add(GrainSignal.Node(name));
        }

        if (NodeChanges.MattersToRoutes(old, @new))
        {
            signals.AddRange(routeTableIds.Select(GrainSignal.RouteTable));
        }

        if (NodeChanges.MattersToBackends(old, @new))
        {
            signals.AddRange(services()
                .Where(s => ServicePredicates.BackendsDependOnNodes(s, eniBackendsByDefault))
                .Select(s => GrainSignal.Service(GrainKeys.Service(s.Metadata.NamespaceProperty ?? "", s.Metadata.Name ?? ""))));
        }

        return signals;
    }

    /// <summary>Every grain that has work, from the cache: managed Services, every Node, every route table.</summary>
    public static IReadOnlyList<GrainSignal> ForEverything(IReadOnlyList<V1Service> services, IReadOnlyList<V1Node> nodes, IReadOnlyList<string> routeTableIds) =>
    [
        .. services.Where(ServicePredicates.IsManaged)
            .Select(s => GrainSignal.Service(GrainKeys.Service(s.Metadata.NamespaceProperty ?? "", s.Metadata.Name ?? ""))),
        .. nodes.Select(n => GrainSignal.Node(n.Metadata.Name ?? "")),
        .. routeTableIds.Select(GrainSignal.RouteTable),
    ];

    /// <summary>
    /// A shard just became this silo's: every grain of it that has work (the previous owner's pending signals are
    /// gone with it). <paramref name="shardOf"/> is the runtime's placement.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForShard(
        int shard, IReadOnlyList<V1Service> services, IReadOnlyList<V1Node> nodes, IReadOnlyList<string> routeTableIds, Func<GrainSignal, int> shardOf) =>
        [.. ForEverything(services, nodes, routeTableIds).Where(signal => shardOf(signal) == shard)];
}
