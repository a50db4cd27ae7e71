using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// A listener as DescribeLoadBalancerListeners returns it. Unlike the rest of the API, <c>Listeners</c>,
/// <c>AclIds</c> and <c>Tags</c> are flat arrays here; the wrapped-list reader accepts both shapes.
/// </summary>
public sealed record Listener
{
    public string LoadBalancerId { get; init; } = "";

    public int ListenerPort { get; init; }

    /// <summary><c>tcp</c> | <c>udp</c> | <c>http</c> | <c>https</c>.</summary>
    public string ListenerProtocol { get; init; } = "";

    /// <summary><c>running</c> | <c>stopped</c> | <c>starting</c> | <c>configuring</c> ...</summary>
    public string? Status { get; init; }

    public int? BackendServerPort { get; init; }

    public int? Bandwidth { get; init; }

    public string? Scheduler { get; init; }

    public string? VServerGroupId { get; init; }

    public string? Description { get; init; }

    public string? AclId { get; init; }

    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> AclIds { get; init; } = [];

    public string? AclStatus { get; init; }

    public string? AclType { get; init; }

    public ListenerConfig? TCPListenerConfig { get; init; }

    public ListenerConfig? UDPListenerConfig { get; init; }

    public ListenerConfig? HTTPListenerConfig { get; init; }

    public ListenerConfig? HTTPSListenerConfig { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

/// <summary>
/// The protocol-specific part of a listener. One record for the four <c>*ListenerConfig</c> objects: their fields
/// overlap and each is a subset of this; absent fields stay null.
/// </summary>
public sealed record ListenerConfig
{
    public string? HealthCheck { get; init; }

    public string? HealthCheckType { get; init; }

    public int? HealthCheckConnectPort { get; init; }

    public int? HealthCheckConnectTimeout { get; init; }

    public int? HealthCheckInterval { get; init; }

    public int? HealthCheckTimeout { get; init; }

    public string? HealthCheckDomain { get; init; }

    public string? HealthCheckURI { get; init; }

    public string? HealthCheckHttpCode { get; init; }

    public string? HealthCheckMethod { get; init; }

    public string? HealthCheckReq { get; init; }

    public string? HealthCheckExp { get; init; }

    public int? HealthyThreshold { get; init; }

    public int? UnhealthyThreshold { get; init; }

    public int? PersistenceTimeout { get; init; }

    public int? EstablishedTimeout { get; init; }

    public string? ConnectionDrain { get; init; }

    public int? ConnectionDrainTimeout { get; init; }

    /// <summary>A string in the Go model, a boolean in others; read either way.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ProxyProtocolV2Enabled { get; init; }

    public string? StickySession { get; init; }

    public string? StickySessionType { get; init; }

    public string? Cookie { get; init; }

    public int? CookieTimeout { get; init; }

    public string? ListenerForward { get; init; }

    public int? ForwardPort { get; init; }

    public string? XForwardedFor { get; init; }

    public string? XForwardedFor_proto { get; init; }

    public string? XForwardedFor_SLBPORT { get; init; }

    public string? XForwardedFor_ClientSrcPort { get; init; }

    public string? XForwardedFor_SLBIP { get; init; }

    public string? XForwardedFor_SLBID { get; init; }

    public string? Gzip { get; init; }

    public int? IdleTimeout { get; init; }

    public int? RequestTimeout { get; init; }

    public string? ServerCertificateId { get; init; }

    public string? CACertificateId { get; init; }

    public string? EnableHttp2 { get; init; }

    public string? TLSCipherPolicy { get; init; }
}

/// <summary>DescribeLoadBalancerListeners filters; paged by MaxResults (1-100) + NextToken.</summary>
public sealed record DescribeLoadBalancerListenersRequest : IRpcRequest
{
    /// <summary>At most 10 ids, sent as <c>LoadBalancerId.N</c>.</summary>
    public required IReadOnlyList<string> LoadBalancerIds { get; init; }

    public string? ListenerProtocol { get; init; }

    public int? ListenerPort { get; init; }

    public string? Description { get; init; }

    /// <summary>Page size, 1-100 (the CCM uses 50).</summary>
    public int MaxResults { get; init; } = 50;

    void IRpcRequest.WriteTo(RpcParameters p) => p.AddRepeated("LoadBalancerId", LoadBalancerIds)
        .Add("ListenerProtocol", ListenerProtocol).Add("ListenerPort", ListenerPort).Add("Description", Description);
}

public sealed record DescribeLoadBalancerListenersResponse : OpenApiResponse
{
    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public int? TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Listener>))]
    public IReadOnlyList<Listener> Listeners { get; init; } = [];
}
