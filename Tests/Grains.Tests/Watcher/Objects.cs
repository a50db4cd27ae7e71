using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Kube.Cache;
using k8s.Models;

namespace Ccm.Grains.Tests.Watcher;

/// <summary>Tweak builders for the fan-out tables: a base object and one change at a time (each change on a copy).</summary>
internal static class Objects
{
    public static V1Service Service(string name = "web", string type = "LoadBalancer", string? etp = null, bool finalizer = false) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "default",
            Uid = "uid-" + name,
            ResourceVersion = "1",
            Finalizers = finalizer ? [ServicePredicates.Finalizer] : null,
        },
        Spec = new V1ServiceSpec { Type = type, ExternalTrafficPolicy = etp, Ports = [new V1ServicePort { Port = 80, NodePort = 30080 }] },
    };

    public static V1Service WithAnnotation(this V1Service s, string key, string value) => s.Clone(c =>
    {
        c.Metadata.Annotations ??= new Dictionary<string, string>();
        c.Metadata.Annotations[key] = value;
    });

    public static V1Service WithIngress(this V1Service s, string ip) =>
        s.Clone(c => c.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = ip }] } });

    public static V1Service Bumped(this V1Service s) => s.Clone(c => c.Metadata.ResourceVersion += "1");

    public static V1Node Node(string name = "node-1") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, ResourceVersion = "1", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
        Spec = new V1NodeSpec { ProviderID = "cn-hangzhou.i-1", PodCIDR = "172.20.0.0/24", PodCIDRs = ["172.20.0.0/24"] },
        Status = new V1NodeStatus
        {
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "192.168.0.11" }],
            Conditions = [Condition("Ready", "True", DateTimeOffset.UnixEpoch)],
        },
    };

    public static V1NodeCondition Condition(string type, string status, DateTimeOffset heartbeat) =>
        new() { Type = type, Status = status, Reason = "KubeletReady", LastHeartbeatTime = heartbeat.UtcDateTime };

    public static V1Node WithLabel(this V1Node n, string key, string value) => n.Clone(c =>
    {
        c.Metadata.Labels ??= new Dictionary<string, string>();
        c.Metadata.Labels[key] = value;
    });

    public static V1Node WithSpec(this V1Node n, Action<V1NodeSpec> change) => n.Clone(c => change(c.Spec));

    public static V1Node WithReady(this V1Node n, string status, DateTimeOffset? heartbeat = null) =>
        n.Clone(c => c.Status.Conditions = [Condition("Ready", status, heartbeat ?? DateTimeOffset.UnixEpoch)]);

    public static V1EndpointSlice Slice(string service, params string[] addresses) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = service + "-abc",
            NamespaceProperty = "default",
            ResourceVersion = "1",
            Labels = new Dictionary<string, string> { [KubeIndexes.ServiceNameLabel] = service },
        },
        AddressType = "IPv4",
        Endpoints = [.. addresses.Select(a => new V1Endpoint { Addresses = [a], NodeName = "node-1" })],
    };
}
