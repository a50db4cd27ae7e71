using Ccm.Grains.Services;
using Ccm.Kube.Models;

namespace Ccm.Grains.Tests.Watcher;

/// <summary>Tweak builders for the fan-out tables: a base object and one change at a time.</summary>
internal static class Objects
{
    public static Service Service(string name = "web", string type = "LoadBalancer", string? etp = null, bool finalizer = false) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "default",
            Uid = "uid-" + name,
            ResourceVersion = "1",
            Finalizers = finalizer ? [ServicePredicates.Finalizer] : null,
        },
        Spec = new ServiceSpec { Type = type, ExternalTrafficPolicy = etp, Ports = [new ServicePort { Port = 80, NodePort = 30080 }] },
    };

    public static Service WithAnnotation(this Service s, string key, string value) =>
        s with { Metadata = s.Metadata with { Annotations = new Dictionary<string, string>(s.Metadata.Annotations ?? new Dictionary<string, string>()) { [key] = value } } };

    public static Service Bumped(this Service s) => s with { Metadata = s.Metadata with { ResourceVersion = s.Metadata.ResourceVersion + "1" } };

    public static Node Node(string name = "node-1") => new()
    {
        Metadata = new ObjectMeta { Name = name, ResourceVersion = "1", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
        Spec = new NodeSpec { ProviderID = "cn-hangzhou.i-1", PodCIDR = "172.20.0.0/24", PodCIDRs = ["172.20.0.0/24"] },
        Status = new NodeStatus
        {
            Addresses = [new NodeAddress { Type = "InternalIP", Address = "192.168.0.11" }],
            Conditions = [Condition("Ready", "True", DateTimeOffset.UnixEpoch)],
        },
    };

    public static NodeCondition Condition(string type, string status, DateTimeOffset heartbeat) =>
        new() { Type = type, Status = status, Reason = "KubeletReady", LastHeartbeatTime = heartbeat };

    public static Node WithLabel(this Node n, string key, string value) =>
        n with { Metadata = n.Metadata with { Labels = new Dictionary<string, string>(n.Metadata.Labels ?? new Dictionary<string, string>()) { [key] = value } } };

    public static Node WithSpec(this Node n, Func<NodeSpec, NodeSpec> change) => n with { Spec = change(n.Spec!) };

    public static Node WithReady(this Node n, string status, DateTimeOffset? heartbeat = null) =>
        n with { Status = n.Status! with { Conditions = [Condition("Ready", status, heartbeat ?? DateTimeOffset.UnixEpoch)] } };

    public static EndpointSlice Slice(string service, params string[] addresses) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = service + "-abc",
            Namespace = "default",
            ResourceVersion = "1",
            Labels = new Dictionary<string, string> { [EndpointSlice.ServiceNameLabel] = service },
        },
        AddressType = "IPv4",
        Endpoints = [.. addresses.Select(a => new Endpoint { Addresses = [a], NodeName = "node-1" })],
    };
}
