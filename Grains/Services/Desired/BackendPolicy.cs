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
/// ENI members carry an empty ServerId until their ENI is looked up (<see cref="DesiredService.WithEnis"/>).
/// </summary>
public static class BackendPolicy
{
    public const int DefaultWeight = 100;

    /// <summary>The members of <paramref name="port"/>'s group and the group's key port (NodePort, or target port in ENI mode).</summary>
    public static (int KeyPort, IReadOnlyList<Backend> Backends) For(
        V1Service service, V1ServicePort port, ServiceAnnotations annotations, IReadOnlyList<V1Node> nodes, IReadOnlyList<ReadyEndpoint> endpoints, bool eniByDefault)
    {
        var weight = annotations.GetInt(AnnotationCatalog.DefaultWeight) ?? DefaultWeight;
        if (ServicePredicates.UsesEniBackends(service, eniByDefault))
        {
            return (TargetKeyPort(port, endpoints), [.. endpoints.Select(e => PodBackend(e, port, weight))]);
        }

        var byName = nodes.Where(n => n.Metadata.Name is not null).ToDictionary(n => n.Metadata.Name!, StringComparer.Ordinal);
        var onVirtualNodes = endpoints.Where(e => e.NodeName is not null && byName.TryGetValue(e.NodeName, out var n) && NodeEligibility.IsVirtualKubelet(n));
        var pods = onVirtualNodes.Select(e => PodBackend(e, port, weight)).ToList();
        if (port.NodePort is not { } nodePort)
        {
            // allocateLoadBalancerNodePorts: false leaves no port to reach the nodes on; only pod members remain.
            return (TargetKeyPort(port, endpoints), pods);
        }

        var eligible = nodes.Where(n => NodeEligibility.IsEligible(n, annotations)).OrderBy(n => n.Metadata.Name, StringComparer.Ordinal);
        IEnumerable<Backend> instances = service.Spec?.ExternalTrafficPolicy == "Local"
            ? eligible
                .Select(n => (Node: n, Pods: endpoints.Count(e => e.NodeName == n.Metadata.Name)))
                .Where(x => x.Pods > 0)
                .Select(x => NodeBackend(x.Node, nodePort, Math.Min(x.Pods, 100)))
            : eligible.Select(n => NodeBackend(n, nodePort, weight));
        return (nodePort, [.. instances, .. pods]);
    }

    private static Backend NodeBackend(V1Node node, int nodePort, int weight) =>
        new(NodeEligibility.InstanceId(node)!, Backend.Ecs, nodePort, weight, NodeName: node.Metadata.Name);

    private static Backend PodBackend(ReadyEndpoint endpoint, V1ServicePort port, int weight) =>
        new("", Backend.Eni, endpoint.TargetPort(port), weight, endpoint.Ip, NodeName: endpoint.NodeName);

    /// <summary>The group key port in ENI mode: the pods' port (all endpoints agree; the numeric target port when none exist).</summary>
    private static int TargetKeyPort(V1ServicePort port, IReadOnlyList<ReadyEndpoint> endpoints) =>
        endpoints.Count > 0 ? endpoints[0].TargetPort(port) : port.TargetPort.Number() ?? port.Port;
}
