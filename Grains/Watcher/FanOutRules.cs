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
    public static IReadOnlyList<GrainSignal> ForService(V1Service? old, V1Service? @new, bool typeAnnotationGate = false)
    {
        var service = @new ?? old!;
        var managed = (old is not null && ServicePredicates.IsManaged(old, typeAnnotationGate)) || (@new is not null && ServicePredicates.IsManaged(@new, typeAnnotationGate));
        return managed && ObjectChanges.ServiceDiffers(old, @new)
            ? [GrainSignal.Service(GrainKeys.Service(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name ?? ""))]
            : [];
    }

    /// <summary>
    /// An EndpointSlice change wakes the grain of the Service it belongs to (both Services when the slice moved),
    /// when that Service is ours: the grains of ClusterIP Services have nothing to do.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForEndpointSlice(V1EndpointSlice? old, V1EndpointSlice? @new, Func<string, string, V1Service?> service, bool typeAnnotationGate = false)
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
            .Where(name => service(ns, name) is { } owner && ServicePredicates.IsManaged(owner, typeAnnotationGate))
            .Select(name => GrainSignal.Service(GrainKeys.Service(ns, name)))
            .ToList();
    }

    /// <summary>
    /// A Node change wakes: the node's grain (unless only heartbeats moved); every route table when the node's
    /// route can change; and, when the node's eligibility can change, the Services whose backends follow the nodes and
    /// the <c>externalTrafficPolicy: Local</c> ones with endpoints on this node (<paramref name="hasEndpointsOn"/>): a
    /// node that gets its providerID, turns Ready or is excluded after its pods' endpoints were written changes their
    /// backends too, and no EndpointSlice change would tell them.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForNode(
        V1Node? old, V1Node? @new, Func<IReadOnlyList<V1Service>> services, IReadOnlyList<string> routeTableIds, bool eniBackendsByDefault,
        Func<V1Service, string, bool> hasEndpointsOn, bool typeAnnotationGate = false)
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
            var labels = NodeChanges.OnlyLabelsChanged(old, @new);
            var everyService = labels is null || labels.Overlaps(NodeChanges.LabelsThatMatterToEveryService);
            signals.AddRange(services()
                .Where(s => everyService || SelectsNodesBy(s, labels!))
                .Where(s => ServicePredicates.BackendsDependOnNodes(s, eniBackendsByDefault, typeAnnotationGate)
                    || (ServicePredicates.BackendsFollowEndpointNodes(s, eniBackendsByDefault, typeAnnotationGate) && hasEndpointsOn(s, name)))
                .Select(s => GrainSignal.Service(GrainKeys.Service(s.Metadata.NamespaceProperty ?? "", s.Metadata.Name ?? ""))));
        }

        return signals;
    }

    /// <summary>Whether the Service's backend-label selector names one of <paramref name="labels"/> (or cannot be read, to be safe).</summary>
    private static bool SelectsNodesBy(V1Service service, IReadOnlySet<string> labels)
    {
        var annotations = service.Metadata.Annotations;
        var spec = AnnotationCatalog.BackendLabel;
        if (annotations is null
            || !(annotations.TryGetValue(spec.Name, out var selector) || (spec.LegacyName is { } legacy && annotations.TryGetValue(legacy, out selector)))
            || string.IsNullOrWhiteSpace(selector))
        {
            return false;
        }

        return AnnotationValues.LabelSelector(selector.Trim()) is not { } keys || keys.Keys.Any(labels.Contains);
    }

    /// <summary>
    /// Every grain that has work, from the cache (at start, once the cache has synced): managed Services, every Node,
    /// every route table. An object that already looks converged (a Service with our finalizer and an address, an
    /// initialised Node) is re-checked at resync priority, so a restart's re-checks never delay a real change in the
    /// cloud budget; one that does not look converged (new, failed, deleting) goes at event priority. A change made
    /// while no CCM ran looks converged too, so Services go most recently changed first (<paramref name="lastChanged"/>,
    /// <see cref="ServiceRecency"/>), and one changed since this silo started (<paramref name="startedAt"/>) goes at
    /// event priority: a watch would have brought that change as an event had the list been a moment earlier.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForEverything(
        IReadOnlyList<V1Service> services, IReadOnlyList<V1Node> nodes, IReadOnlyList<string> routeTableIds, bool typeAnnotationGate = false,
        Func<V1Service, DateTimeOffset>? lastChanged = null, DateTimeOffset? startedAt = null) =>
    [
        .. services.Where(s => ServicePredicates.IsManaged(s, typeAnnotationGate))
            .Select(s => (Service: s, Changed: lastChanged?.Invoke(s) ?? DateTimeOffset.MinValue))
            .OrderByDescending(s => s.Changed)
            .Select(s => GrainSignal.Service(
                GrainKeys.Service(s.Service.Metadata.NamespaceProperty ?? "", s.Service.Metadata.Name ?? ""),
                ServicePredicates.LooksConverged(s.Service, typeAnnotationGate) && !(startedAt is { } since && s.Changed >= since) ? SignalKind.Resync : SignalKind.Event)),
        .. nodes.Select(n => GrainSignal.Node(n.Metadata.Name ?? "", NodeChanges.LooksInitialized(n) ? SignalKind.Resync : SignalKind.Event)),
        .. routeTableIds.Select(GrainSignal.RouteTable),
    ];

    /// <summary>
    /// Membership changed and this silo now owns keys another silo owned (it died or left): every such grain that has
    /// work, at event priority, since its pending work (a retry, an unprocessed signal) went with the old owner. Only the
    /// inherited share is woken, not the whole cluster. <paramref name="ownedBefore"/> and <paramref name="ownsNow"/> are
    /// the placement rule before and after.
    /// </summary>
    public static IReadOnlyList<GrainSignal> ForInherited(
        IReadOnlyList<V1Service> services, IReadOnlyList<V1Node> nodes, IReadOnlyList<string> routeTableIds,
        Func<string, bool> ownedBefore, Func<string, bool> ownsNow, bool typeAnnotationGate = false, Func<V1Service, DateTimeOffset>? lastChanged = null) =>
        [.. ForEverything(services, nodes, routeTableIds, typeAnnotationGate, lastChanged)
            .Where(s => !ownedBefore(s.PlacementKey) && ownsNow(s.PlacementKey))
            .Select(s => s with { Kind = SignalKind.Event })];
}
