using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// An additional (SNI) domain of an HTTPS listener with its own server certificate: upstream's
/// <c>service.beta.kubernetes.io/alibaba-cloud-loadbalancer-domain-extensions</c> (<c>domain:certId,…</c>).
/// </summary>
public sealed record DomainExtension
{
    public string DomainExtensionId { get; init; } = "";

    public string Domain { get; init; } = "";

    public string? ServerCertificateId { get; init; }
}

/// <summary>CreateDomainExtension on an existing HTTPS listener. No ClientToken: after an unknown outcome, list first.</summary>
public sealed record CreateDomainExtensionRequest(string LoadBalancerId, int ListenerPort, string Domain, string ServerCertificateId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("ListenerPort", ListenerPort)
        .Add("Domain", Domain).Add("ServerCertificateId", ServerCertificateId);
}

public sealed record CreateDomainExtensionResponse : OpenApiResponse
{
    public string DomainExtensionId { get; init; } = "";

    public int? ListenerPort { get; init; }
}

/// <summary>DescribeDomainExtensions of one HTTPS listener (upstream always names the port), optionally one id. Not paged.</summary>
public sealed record DescribeDomainExtensionsRequest(string LoadBalancerId, int? ListenerPort) : IRpcRequest
{
    public string? DomainExtensionId { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("ListenerPort", ListenerPort)
        .Add("DomainExtensionId", DomainExtensionId);
}

public sealed record DescribeDomainExtensionsResponse : OpenApiResponse
{
    [JsonConverter(typeof(WrappedListConverter<DomainExtension>))]
    public IReadOnlyList<DomainExtension> DomainExtensions { get; init; } = [];
}

/// <summary>SetDomainExtensionAttribute: the extension's new certificate (upstream changes nothing else).</summary>
public sealed record SetDomainExtensionAttributeRequest(string DomainExtensionId, string ServerCertificateId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("DomainExtensionId", DomainExtensionId).Add("ServerCertificateId", ServerCertificateId);
}

/// <summary>Addresses one extension (DeleteDomainExtension).</summary>
internal sealed record DomainExtensionIdRequest(string DomainExtensionId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("DomainExtensionId", DomainExtensionId);
}
