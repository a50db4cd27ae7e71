using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>core/v1 Service. The CCM reads <see cref="Spec"/> and writes <see cref="Status"/> through <c>/status</c>.</summary>
public sealed record Service : IKubeObject<Service>
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Service";

    public ObjectMeta Metadata { get; init; } = new();

    public ServiceSpec? Spec { get; init; }

    public ServiceStatus? Status { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("", "v1", "services", "Service", Namespaced: true);

    public static JsonTypeInfo<Service> JsonTypeInfo => KubeJsonContext.Default.Service;

    public static JsonTypeInfo<KubeList<Service>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListService;

    public static JsonTypeInfo<WatchEventWire<Service>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireService;
}

/// <summary>core/v1 ServiceSpec, the fields a load-balancer controller needs.</summary>
public sealed record ServiceSpec
{
    /// <summary><c>ClusterIP</c> (default), <c>NodePort</c>, <c>LoadBalancer</c> or <c>ExternalName</c>; see <see cref="ServiceTypes"/>.</summary>
    public string? Type { get; init; }

    public IReadOnlyList<ServicePort>? Ports { get; init; }

    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary><c>None</c> for a headless Service.</summary>
    public string? ClusterIP { get; init; }

    public IReadOnlyList<string>? ClusterIPs { get; init; }

    /// <summary><c>IPv4</c>/<c>IPv6</c>, in the order of <see cref="ClusterIPs"/>.</summary>
    public IReadOnlyList<string>? IpFamilies { get; init; }

    public string? IpFamilyPolicy { get; init; }

    /// <summary>
    /// When set, the Service belongs to another load-balancer implementation: the cloud provider's service
    /// controller ignores it (<c>wantsLoadBalancer</c> requires it to be nil).
    /// </summary>
    public string? LoadBalancerClass { get; init; }

    /// <summary><c>Cluster</c> (default) or <c>Local</c>: with Local only nodes with ready endpoints receive traffic.</summary>
    public string? ExternalTrafficPolicy { get; init; }

    public string? InternalTrafficPolicy { get; init; }

    /// <summary>Allocated by the API server for <c>LoadBalancer</c> Services with <c>Local</c> policy.</summary>
    public int? HealthCheckNodePort { get; init; }

    public string? LoadBalancerIP { get; init; }

    public IReadOnlyList<string>? LoadBalancerSourceRanges { get; init; }

    public bool? AllocateLoadBalancerNodePorts { get; init; }

    public IReadOnlyList<string>? ExternalIPs { get; init; }

    public string? SessionAffinity { get; init; }

    public string? ExternalName { get; init; }

    public bool? PublishNotReadyAddresses { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 ServicePort. The strategic-merge list key of <c>spec.ports</c> is <c>port</c> (with protocol).</summary>
public sealed record ServicePort
{
    public string? Name { get; init; }

    /// <summary><c>TCP</c> (default), <c>UDP</c> or <c>SCTP</c>.</summary>
    public string? Protocol { get; init; }

    public string? AppProtocol { get; init; }

    public int? Port { get; init; }

    /// <summary>A number or the name of a container port.</summary>
    public IntOrString? TargetPort { get; init; }

    /// <summary>Allocated by the API server for <c>NodePort</c> and <c>LoadBalancer</c> Services.</summary>
    public int? NodePort { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 ServiceStatus.</summary>
public sealed record ServiceStatus
{
    public LoadBalancerStatus? LoadBalancer { get; init; }

    public IReadOnlyList<Condition>? Conditions { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>core/v1 LoadBalancerStatus: where the load balancer answers.</summary>
public sealed record LoadBalancerStatus
{
    public IReadOnlyList<LoadBalancerIngress>? Ingress { get; init; }
}

/// <summary>core/v1 LoadBalancerIngress.</summary>
public sealed record LoadBalancerIngress
{
    public string? Ip { get; init; }

    public string? Hostname { get; init; }

    /// <summary><c>VIP</c> or <c>Proxy</c> (KEP-1860).</summary>
    public string? IpMode { get; init; }

    public IReadOnlyList<PortStatus>? Ports { get; init; }
}

/// <summary>core/v1 PortStatus.</summary>
public sealed record PortStatus
{
    public int? Port { get; init; }

    public string? Protocol { get; init; }

    public string? Error { get; init; }
}

/// <summary>The values of <see cref="ServiceSpec.Type"/>.</summary>
public static class ServiceTypes
{
    public const string ClusterIP = "ClusterIP";
    public const string NodePort = "NodePort";
    public const string LoadBalancer = "LoadBalancer";
    public const string ExternalName = "ExternalName";
}
