using System.Collections.Immutable;
using Ccm.Grains.Services;
using Ccm.Kube.Models;
using Ccm.Sandbox.Demo;

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

    public static Service Svc(string name = "web", string ns = "default", params Func<Service, Service>[] tweaks)
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Uid = Uid, Generation = 1, ResourceVersion = "1" },
            Spec = new ServiceSpec
            {
                Type = "LoadBalancer",
                Ports = [new ServicePort { Name = "http", Protocol = "TCP", Port = 80, TargetPort = 8080, NodePort = 30080 }],
            },
        };
        return tweaks.Aggregate(service, (s, t) => t(s));
    }

    public static Func<Service, Service> Annotate(string suffix, string value) => s => s with
    {
        Metadata = s.Metadata with
        {
            Annotations = (s.Metadata.Annotations ?? ImmutableDictionary<string, string>.Empty)
                .ToImmutableDictionary().SetItem(suffix.Contains('/', StringComparison.Ordinal) ? suffix : ServicePredicates.AnnotationPrefix + suffix, value),
        },
    };

    public static Func<Service, Service> Port(string name, string protocol, int port, int nodePort, int? targetPort = null) => s => s with
    {
        Spec = s.Spec! with { Ports = [.. s.Spec!.Ports ?? [], new ServicePort { Name = name, Protocol = protocol, Port = port, TargetPort = targetPort ?? port, NodePort = nodePort }] },
    };

    public static Func<Service, Service> Policy(string etp) => s => s with { Spec = s.Spec! with { ExternalTrafficPolicy = etp } };

    public static Func<Service, Service> Status(string ip) => s => s with
    {
        Status = new ServiceStatus { LoadBalancer = new LoadBalancerStatus { Ingress = [new LoadBalancerIngress { Ip = ip }] } },
    };

    /// <summary>A demo node as the node controller leaves it: providerID set, Ready.</summary>
    public static Node DemoNode(int index, params Func<Node, Node>[] tweaks)
    {
        var demo = DemoWorld.Nodes[index];
        var node = new Node
        {
            Metadata = new ObjectMeta { Name = demo.Name, Labels = ImmutableDictionary<string, string>.Empty.Add("kubernetes.io/hostname", demo.Name) },
            Spec = new NodeSpec { ProviderID = demo.ProviderId },
            Status = new NodeStatus
            {
                Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
                Addresses = [new NodeAddress { Type = "InternalIP", Address = demo.PrivateIp }],
            },
        };
        return tweaks.Aggregate(node, (n, t) => t(n));
    }

    public static IReadOnlyList<Node> DemoNodes() => [DemoNode(0), DemoNode(1), DemoNode(2)];

    /// <summary>Nodes <c>node-00</c>... on instances <c>i-node00</c>... (planner tables only: no such instances exist).</summary>
    public static IReadOnlyList<Node> ManyNodes(int count) =>
        [.. Enumerable.Range(0, count).Select(i => DemoNode(0, n => n with
        {
            Metadata = n.Metadata with { Name = $"node-{i:D2}" },
            Spec = n.Spec! with { ProviderID = $"cn-hangzhou.i-node{i:D2}" },
        }))];

    public static Node VirtualNode() => new()
    {
        Metadata = new ObjectMeta
        {
            Name = DemoWorld.VirtualNode.Name,
            Labels = ImmutableDictionary<string, string>.Empty.Add(NodeEligibility.VirtualKubeletLabel, NodeEligibility.VirtualKubeletValue),
        },
        Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "True" }] },
    };

    public static Func<Node, Node> Label(string key, string value = "") => n => n with
    {
        Metadata = n.Metadata with { Labels = (n.Metadata.Labels ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary().SetItem(key, value) },
    };

    public static Func<Node, Node> Taint(string key) => n => n with { Spec = n.Spec! with { Taints = [new Taint { Key = key, Effect = "NoSchedule" }] } };

    public static Func<Node, Node> Cordoned => n => n with { Spec = n.Spec! with { Unschedulable = true } };

    public static Func<Node, Node> NotReady => n => n with { Status = n.Status! with { Conditions = [new NodeCondition { Type = "Ready", Status = "False" }] } };

    public static Func<Node, Node> ProviderId(string? id) => n => n with { Spec = n.Spec! with { ProviderID = id } };

    /// <summary>An EndpointSlice of the Service with one endpoint per (ip, node), ready unless listed in <paramref name="notReady"/>.</summary>
    public static EndpointSlice Slice(string service, IEnumerable<(string Ip, string Node)> endpoints, int port = 8080, string portName = "http",
        string ns = "default", string name = "slice-1", IReadOnlyCollection<string>? notReady = null, IReadOnlyCollection<string>? terminating = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name, Namespace = ns, Labels = ImmutableDictionary<string, string>.Empty.Add(EndpointSlice.ServiceNameLabel, service),
        },
        AddressType = "IPv4",
        Ports = [new EndpointPort { Name = portName, Port = port, Protocol = "TCP" }],
        Endpoints = [.. endpoints.Select(e => new Endpoint
        {
            Addresses = [e.Ip], NodeName = e.Node,
            Conditions = new EndpointConditions
            {
                Ready = notReady?.Contains(e.Ip) != true && terminating?.Contains(e.Ip) != true,
                Terminating = terminating?.Contains(e.Ip) == true,
            },
        })],
    };

    public static DesiredService Desired(Service service, IReadOnlyList<Node>? nodes = null, IReadOnlyList<EndpointSlice>? slices = null, CcmOptions? options = null)
    {
        var (desired, errors) = DesiredStateBuilder.Build(service, nodes ?? DemoNodes(), slices ?? [], options ?? Options());
        Assert.True(desired is not null, string.Join("; ", errors.Select(e => e.Message)));
        return desired;
    }

    /// <summary>How a plan reads in a table: <c>Action Target: Detail</c> per operation.</summary>
    public static IReadOnlyList<string> Render(IEnumerable<ServiceOperation> operations) =>
        [.. operations.Select(o => o.Detail is null ? $"{o.Action} {o.Target}" : $"{o.Action} {o.Target}: {o.Detail}")];
}
