using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Cache;
using Ccm.Sandbox.Demo;
using k8s.Models;

namespace Ccm.Grains.Tests.Services;

/// <summary>Tweak builders for Services, Nodes and EndpointSlices, after cloud-provider's <c>newService(..., tweak...)</c>.</summary>
public static class ServiceBuilders
{
    public const string Uid = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static CcmOptions Options(bool eni = false, bool dryRun = false, bool disablePublic = false, int batch = 40) => new()
    {
        ClusterId = DemoWorld.ClusterId, RegionId = DemoWorld.RegionId, VpcId = DemoWorld.VpcId,
        VSwitches = [.. DemoWorld.VSwitches.Select(v => new ZoneVSwitch(v.ZoneId, v.VSwitchId))],
        DefaultEniBackends = eni, DryRun = dryRun, DisablePublicSlb = disablePublic, BackendBatchSize = batch,
    };

    public static V1Service Svc(string name = "web", string ns = "default", params Func<V1Service, V1Service>[] tweaks)
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = Uid, Generation = 1, ResourceVersion = "1" },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                Ports = [new V1ServicePort { Name = "http", Protocol = "TCP", Port = 80, TargetPort = 8080, NodePort = 30080 }],
            },
        };
        return tweaks.Aggregate(service, (s, t) => t(s));
    }

    public static Func<V1Service, V1Service> Annotate(string suffix, string value) => s => s.Clone(c =>
    {
        c.Metadata.Annotations ??= new Dictionary<string, string>();
        c.Metadata.Annotations[suffix.Contains('/', StringComparison.Ordinal) ? suffix : ServicePredicates.AnnotationPrefix + suffix] = value;
    });

    public static Func<V1Service, V1Service> Port(string name, string protocol, int port, int nodePort, int? targetPort = null) => s => s.Clone(c =>
        c.Spec.Ports = [.. c.Spec.Ports ?? [], new V1ServicePort { Name = name, Protocol = protocol, Port = port, TargetPort = targetPort ?? port, NodePort = nodePort }]);

    public static Func<V1Service, V1Service> Policy(string etp) => s => s.Clone(c => c.Spec.ExternalTrafficPolicy = etp);

    public static Func<V1Service, V1Service> Status(string ip) => s => s.Clone(c =>
        c.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = ip }] } });

    /// <summary>A demo node as the node controller leaves it: providerID set, Ready.</summary>
    public static V1Node DemoNode(int index, params Func<V1Node, V1Node>[] tweaks)
    {
        var demo = DemoWorld.Nodes[index];
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = demo.Name, Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = demo.Name } },
            Spec = new V1NodeSpec { ProviderID = demo.ProviderId },
            Status = new V1NodeStatus
            {
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
                Addresses = [new V1NodeAddress { Type = "InternalIP", Address = demo.PrivateIp }],
            },
        };
        return tweaks.Aggregate(node, (n, t) => t(n));
    }

    public static IReadOnlyList<V1Node> DemoNodes() => [DemoNode(0), DemoNode(1), DemoNode(2)];

    /// <summary>Nodes <c>node-00</c>... on instances <c>i-node00</c>... (planner tables only: no such instances exist).</summary>
    public static IReadOnlyList<V1Node> ManyNodes(int count) =>
        [.. Enumerable.Range(0, count).Select(i => DemoNode(0, n => n.Clone(c =>
        {
            c.Metadata.Name = $"node-{i:D2}";
            c.Spec.ProviderID = $"cn-hangzhou.i-node{i:D2}";
        })))];

    public static V1Node VirtualNode() => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = DemoWorld.VirtualNode.Name,
            Labels = new Dictionary<string, string> { [NodeEligibility.VirtualKubeletLabel] = NodeEligibility.VirtualKubeletValue },
        },
        Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }] },
    };

    public static Func<V1Node, V1Node> Label(string key, string value = "") => n => n.Clone(c =>
    {
        c.Metadata.Labels ??= new Dictionary<string, string>();
        c.Metadata.Labels[key] = value;
    });

    public static Func<V1Node, V1Node> Taint(string key) => n => n.Clone(c => c.Spec.Taints = [new V1Taint { Key = key, Effect = "NoSchedule" }]);

    public static Func<V1Node, V1Node> Cordoned => n => n.Clone(c => c.Spec.Unschedulable = true);

    public static Func<V1Node, V1Node> NotReady => n => n.Clone(c => c.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "False" }]);

    public static Func<V1Node, V1Node> ProviderId(string? id) => n => n.Clone(c => c.Spec.ProviderID = id);

    /// <summary>An EndpointSlice of the Service with one endpoint per (ip, node), ready unless listed in <paramref name="notReady"/>.</summary>
    public static V1EndpointSlice Slice(string service, IEnumerable<(string Ip, string Node)> endpoints, int port = 8080, string portName = "http",
        string ns = "default", string name = "slice-1", IReadOnlyCollection<string>? notReady = null, IReadOnlyCollection<string>? terminating = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name, NamespaceProperty = ns, Labels = new Dictionary<string, string> { [KubeIndexes.ServiceNameLabel] = service },
        },
        AddressType = "IPv4",
        Ports = [new Discoveryv1EndpointPort { Name = portName, Port = port, Protocol = "TCP" }],
        Endpoints = [.. endpoints.Select(e => new V1Endpoint
        {
            Addresses = [e.Ip], NodeName = e.Node,
            Conditions = new V1EndpointConditions
            {
                Ready = notReady?.Contains(e.Ip) != true && terminating?.Contains(e.Ip) != true,
                Terminating = terminating?.Contains(e.Ip) == true,
            },
        })],
    };

    public static DesiredService Desired(V1Service service, IReadOnlyList<V1Node>? nodes = null, IReadOnlyList<V1EndpointSlice>? slices = null, CcmOptions? options = null)
    {
        var (desired, errors) = DesiredStateBuilder.Build(service, nodes ?? DemoNodes(), slices ?? [], options ?? Options());
        Assert.True(desired is not null, string.Join("; ", errors.Select(e => e.Message)));
        return desired;
    }

    /// <summary>How a plan reads in a table: <c>Action Target: Detail</c> per operation.</summary>
    public static IReadOnlyList<string> Render(IEnumerable<ServiceOperation> operations) =>
        [.. operations.Select(o => o.Detail is null ? $"{o.Action} {o.Target}" : $"{o.Action} {o.Target}: {o.Detail}")];
}
