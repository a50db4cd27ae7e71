using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Services;

/// <summary>
/// Which members a Service port's vServer group should hold (reference ccm-upstream.md §1.1 "Backends"):
/// <list type="bullet">
/// <item><c>externalTrafficPolicy: Cluster</c>: every eligible node, on the NodePort, weight 100 (or <c>default-weight</c>);</item>
/// <item><c>Local</c>: only eligible nodes holding ready endpoints, weight = their ready pods (kube-proxy only forwards to local pods);</item>
/// <item>ENI mode (<c>backend-type: eni</c> or the cloud-config default): every ready pod IP on its target port;</item>
/// <item>pods on virtual-kubelet nodes (no ECS behind them) are ENI members in every mode.</item>
/// </list>
/// ENI members carry an empty ServerId until their ENI is looked up (<see cref="DesiredService.WithEnis"/>). With a
/// total <c>weight</c> (reused vServer groups) the members share it instead (<see cref="Share"/>).
/// </summary>
public static class BackendPolicy
{
    public const int DefaultWeight = 100;

    /// <summary>The members of <paramref name="port"/>'s group and the group's key port (NodePort, or target port in ENI mode).</summary>
    /// <param name="totalWeight">The <c>weight</c> the members share, or null for the per-member weights.</param>
    public static (int KeyPort, IReadOnlyList<Backend> Backends) For(
        V1Service service, V1ServicePort port, ServiceAnnotations annotations, IReadOnlyList<V1Node> nodes, IReadOnlyList<ReadyEndpoint> endpoints,
        bool eniByDefault, int? totalWeight = null)
    {
        var (keyPort, backends, podsPerNode) = Members(service, port, annotations, nodes, endpoints, eniByDefault);
        return (keyPort, totalWeight is { } total ? Share(backends, total, podsPerNode) : backends);
    }

    /// <summary>
    /// Upstream's "pod percent" rule for a total <c>weight</c>: 0 gives every member 0; otherwise each member gets
    /// <c>total / members</c> (at least 1), except nodes under <c>externalTrafficPolicy: Local</c>, which get
    /// <c>total * their pods / all pods</c> (at least 1), and pods beside them <c>total / all pods</c>.
    /// </summary>
    /// <param name="podsPerNode">Ready pods per node instance under Local, null otherwise.</param>
    public static IReadOnlyList<Backend> Share(IReadOnlyList<Backend> backends, int total, IReadOnlyDictionary<string, int>? podsPerNode)
    {
        if (backends.Count == 0 || total == 0)
        {
            return [.. backends.Select(b => b with { Weight = 0 })];
        }

        if (podsPerNode is null)
        {
            return [.. backends.Select(b => b with { Weight = Math.Max(1, total / backends.Count) })];
        }

        var pods = podsPerNode.Values.Sum() + backends.Count(b => b.Type != Backend.Ecs);
        return [.. backends.Select(b => b with
        {
            Weight = b.Type == Backend.Ecs ? Math.Max(1, total * podsPerNode.GetValueOrDefault(b.ServerId) / pods) : total / pods,
        })];
    }

    private static (int KeyPort, IReadOnlyList<Backend> Backends, IReadOnlyDictionary<string, int>? PodsPerNode) Members(
        V1Service service, V1ServicePort port, ServiceAnnotations annotations, IReadOnlyList<V1Node> nodes, IReadOnlyList<ReadyEndpoint> endpoints, bool eniByDefault)
    {
        var weight = annotations.GetInt(AnnotationCatalog.DefaultWeight) ?? DefaultWeight;
        if (ServicePredicates.UsesEniBackends(service, eniByDefault))
        {
            return (TargetKeyPort(port, endpoints), [.. endpoints.Select(e => PodBackend(e, port, weight))], null);
        }

        var byName = nodes.Where(n => n.Metadata.Name is not null).ToDictionary(n => n.Metadata.Name!, StringComparer.Ordinal);
        var onVirtualNodes = endpoints.Where(e => e.NodeName is not null && byName.TryGetValue(e.NodeName, out var n) && NodeEligibility.IsVirtualKubelet(n));
        var pods = onVirtualNodes.Select(e => PodBackend(e, port, weight)).ToList();
        if (port.NodePort is not { } nodePort)
        {
            // allocateLoadBalancerNodePorts: false leaves no port to reach the nodes on; only pod members remain.
            return (TargetKeyPort(port, endpoints), pods, null);
        }

        var eligible = nodes.Where(n => NodeEligibility.IsEligible(n, annotations)).OrderBy(n => n.Metadata.Name, StringComparer.Ordinal);
        if (service.Spec?.ExternalTrafficPolicy == "Local")
        {
            var local = eligible
                .Select(n => (Node: n, Pods: endpoints.Count(e => e.NodeName == n.Metadata.Name)))
                .Where(x => x.Pods > 0)
                .ToList();
            return (nodePort, [.. local.Select(x => NodeBackend(x.Node, nodePort, Math.Min(x.Pods, 100))), .. pods],
                local.GroupBy(x => NodeEligibility.InstanceId(x.Node)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(x => x.Pods), StringComparer.Ordinal));
        }

        return (nodePort, [.. eligible.Select(n => NodeBackend(n, nodePort, weight)), .. pods], null);
    }

    private static Backend NodeBackend(V1Node node, int nodePort, int weight) =>
        new(NodeEligibility.InstanceId(node)!, Backend.Ecs, nodePort, weight, NodeName: node.Metadata.Name);

    private static Backend PodBackend(ReadyEndpoint endpoint, V1ServicePort port, int weight) =>
        new("", Backend.Eni, endpoint.TargetPort(port), weight, endpoint.Ip, NodeName: endpoint.NodeName);

    /// <summary>The group key port in ENI mode: the pods' port (all endpoints agree; the numeric target port when none exist).</summary>
    private static int TargetKeyPort(V1ServicePort port, IReadOnlyList<ReadyEndpoint> endpoints) =>
        endpoints.Count > 0 ? endpoints[0].TargetPort(port) : port.TargetPort.Number() ?? port.Port;
}
