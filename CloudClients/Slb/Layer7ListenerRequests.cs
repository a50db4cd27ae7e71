using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>HTTP listener settings shared by create and set (and by HTTPS).</summary>
public abstract record HttpListenerRequest : ListenerRequest
{
    /// <summary><c>on</c> | <c>off</c>; required on create (upstream default <c>off</c>).</summary>
    public string? HealthCheck { get; init; }

    public string? HealthCheckURI { get; init; }

    public string? HealthCheckDomain { get; init; }

    public string? HealthCheckHttpCode { get; init; }

    public int? HealthCheckInterval { get; init; }

    public int? HealthCheckTimeout { get; init; }

    /// <summary><c>head</c> | <c>get</c>.</summary>
    public string? HealthCheckMethod { get; init; }

    /// <summary><c>on</c> | <c>off</c> (upstream default <c>off</c>).</summary>
    public string? StickySession { get; init; }

    /// <summary><c>insert</c> | <c>server</c>.</summary>
    public string? StickySessionType { get; init; }

    public string? Cookie { get; init; }

    public int? CookieTimeout { get; init; }

    public string? XForwardedFor { get; init; }

    public string? XForwardedFor_proto { get; init; }

    public string? XForwardedFor_SLBPORT { get; init; }

    public string? XForwardedFor_ClientSrcPort { get; init; }

    public string? XForwardedFor_SLBIP { get; init; }

    public string? XForwardedFor_SLBID { get; init; }

    public string? Gzip { get; init; }

    public int? IdleTimeout { get; init; }

    public int? RequestTimeout { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("HealthCheck", HealthCheck).Add("HealthCheckURI", HealthCheckURI).Add("HealthCheckDomain", HealthCheckDomain)
            .Add("HealthCheckHttpCode", HealthCheckHttpCode).Add("HealthCheckInterval", HealthCheckInterval)
            .Add("HealthCheckTimeout", HealthCheckTimeout).Add("HealthCheckMethod", HealthCheckMethod)
            .Add("StickySession", StickySession).Add("StickySessionType", StickySessionType).Add("Cookie", Cookie)
            .Add("CookieTimeout", CookieTimeout).Add("XForwardedFor", XForwardedFor).Add("XForwardedFor_proto", XForwardedFor_proto)
            .Add("XForwardedFor_SLBPORT", XForwardedFor_SLBPORT).Add("XForwardedFor_ClientSrcPort", XForwardedFor_ClientSrcPort)
            .Add("XForwardedFor_SLBIP", XForwardedFor_SLBIP).Add("XForwardedFor_SLBID", XForwardedFor_SLBID)
            .Add("Gzip", Gzip).Add("IdleTimeout", IdleTimeout).Add("RequestTimeout", RequestTimeout);
    }
}

/// <summary>CreateLoadBalancerHTTPListener; <c>ListenerForward</c>+<c>ForwardPort</c> redirect HTTP to an HTTPS listener.</summary>
public sealed record CreateLoadBalancerHTTPListenerRequest : HttpListenerRequest
{
    public int? BackendServerPort { get; init; }

    public string? ListenerForward { get; init; }

    public int? ForwardPort { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("BackendServerPort", BackendServerPort).Add("ListenerForward", ListenerForward).Add("ForwardPort", ForwardPort);
    }
}

public sealed record SetLoadBalancerHTTPListenerAttributeRequest : HttpListenerRequest
{
    public string? VServerGroup { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("VServerGroup", VServerGroup);
    }
}

/// <summary>HTTPS adds the certificates, HTTP/2 and the TLS policy to the HTTP settings.</summary>
public abstract record HttpsListenerRequest : HttpListenerRequest
{
    public string? ServerCertificateId { get; init; }

    public string? CACertificateId { get; init; }

    /// <summary><c>on</c> | <c>off</c>.</summary>
    public string? EnableHttp2 { get; init; }

    public string? TLSCipherPolicy { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("ServerCertificateId", ServerCertificateId).Add("CACertificateId", CACertificateId)
            .Add("EnableHttp2", EnableHttp2).Add("TLSCipherPolicy", TLSCipherPolicy);
    }
}

public sealed record CreateLoadBalancerHTTPSListenerRequest : HttpsListenerRequest
{
    public int? BackendServerPort { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("BackendServerPort", BackendServerPort);
    }
}

public sealed record SetLoadBalancerHTTPSListenerAttributeRequest : HttpsListenerRequest
{
    public string? VServerGroup { get; init; }

    protected override void WriteFields(RpcParameters p)
    {
        base.WriteFields(p);
        p.Add("VServerGroup", VServerGroup);
    }
}
