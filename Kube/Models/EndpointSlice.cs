using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ccm.Kube.Models;

/// <summary>
/// discovery.k8s.io/v1 EndpointSlice. A Service's slices carry the label <see cref="ServiceNameLabel"/>; a Service
/// may have several slices (one per address type, and at most 100 endpoints each by default).
/// </summary>
public sealed record EndpointSlice : IKubeObject<EndpointSlice>
{
    /// <summary>The label that links a slice to its Service (<c>kubernetes.io/service-name</c>).</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public string? ApiVersion { get; init; } = "discovery.k8s.io/v1";

    public string? Kind { get; init; } = "EndpointSlice";

    public ObjectMeta Metadata { get; init; } = new();

    /// <summary><c>IPv4</c>, <c>IPv6</c> or <c>FQDN</c>.</summary>
    public string? AddressType { get; init; }

    public IReadOnlyList<Endpoint>? Endpoints { get; init; }

    public IReadOnlyList<EndpointPort>? Ports { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    public static KubeResource Resource { get; } = new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", Namespaced: true);

    public static JsonTypeInfo<EndpointSlice> JsonTypeInfo => KubeJsonContext.Default.EndpointSlice;

    public static JsonTypeInfo<KubeList<EndpointSlice>> ListJsonTypeInfo => KubeJsonContext.Default.KubeListEndpointSlice;

    public static JsonTypeInfo<WatchEventWire<EndpointSlice>> WatchEventJsonTypeInfo => KubeJsonContext.Default.WatchEventWireEndpointSlice;
}

/// <summary>discovery.k8s.io/v1 Endpoint.</summary>
public sealed record Endpoint
{
    public IReadOnlyList<string>? Addresses { get; init; }

    public EndpointConditions? Conditions { get; init; }

    public string? Hostname { get; init; }

    public ObjectReference? TargetRef { get; init; }

    public string? NodeName { get; init; }

    public string? Zone { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>
/// discovery.k8s.io/v1 EndpointConditions. A nil <see cref="Ready"/> must be read as true ("unknown state should
/// be interpreted as ready"); <see cref="Serving"/> and <see cref="Terminating"/> likewise default to ready/false.
/// </summary>
public sealed record EndpointConditions
{
    public bool? Ready { get; init; }

    public bool? Serving { get; init; }

    public bool? Terminating { get; init; }
}

/// <summary>discovery.k8s.io/v1 EndpointPort.</summary>
public sealed record EndpointPort
{
    public string? Name { get; init; }

    public string? Protocol { get; init; }

    public int? Port { get; init; }

    public string? AppProtocol { get; init; }
}
