using System.Collections.Immutable;
using System.Globalization;

namespace Ccm.Grains.Services;

/// <summary>
/// Listener settings as name/value pairs, the names being those DescribeLoadBalancerListeners answers with (top-level
/// or inside <c>TCPListenerConfig</c>...), so that what we want and what we find compare field by field. Only fields
/// an annotation sets are sent and compared (as upstream), plus upstream's create defaults: scheduler <c>rr</c>,
/// bandwidth <c>-1</c> (TCP, UDP, HTTPS), health check and sticky session <c>off</c> on HTTP(S).
/// </summary>
public static class ListenerSettings
{
    public static ImmutableSortedDictionary<string, string> For(string protocol, ServiceAnnotations a)
    {
        var s = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        void Put(string name, AnnotationSpec spec)
        {
            if (a.Get(spec) is { } value)
            {
                s[name] = value;
            }
        }

        s["Scheduler"] = a.Get(AnnotationCatalog.Scheduler) ?? "rr";
        if (protocol is "tcp" or "udp" or "https")
        {
            s["Bandwidth"] = "-1";
        }

        Put("AclStatus", AnnotationCatalog.AclStatus);
        Put("AclId", AnnotationCatalog.AclId);
        Put("AclType", AnnotationCatalog.AclType);
        Put("HealthCheckConnectPort", AnnotationCatalog.HealthCheckConnectPort);
        Put("HealthCheckInterval", AnnotationCatalog.HealthCheckInterval);
        Put("HealthyThreshold", AnnotationCatalog.HealthyThreshold);
        Put("UnhealthyThreshold", AnnotationCatalog.UnhealthyThreshold);
        if (protocol is "tcp" or "udp")
        {
            Put("HealthCheck", AnnotationCatalog.HealthCheckSwitch);
            Put("HealthCheckConnectTimeout", AnnotationCatalog.HealthCheckConnectTimeout);
            if (a.GetSwitch(AnnotationCatalog.ProxyProtocol) is { } proxy)
            {
                s["ProxyProtocolV2Enabled"] = proxy ? "true" : "false";
            }
        }

        if (protocol == "tcp")
        {
            Put("PersistenceTimeout", AnnotationCatalog.PersistenceTimeout);
            Put("EstablishedTimeout", AnnotationCatalog.EstablishedTimeout);
            Put("ConnectionDrain", AnnotationCatalog.ConnectionDrain);
            Put("ConnectionDrainTimeout", AnnotationCatalog.ConnectionDrainTimeout);
            Put("HealthCheckType", AnnotationCatalog.HealthCheckType);
        }

        if (protocol is "tcp" or "http" or "https")
        {
            Put("HealthCheckURI", AnnotationCatalog.HealthCheckUri);
            Put("HealthCheckDomain", AnnotationCatalog.HealthCheckDomain);
            Put("HealthCheckHttpCode", AnnotationCatalog.HealthCheckHttpCode);
        }

        if (protocol is "http" or "https")
        {
            s["HealthCheck"] = a.Get(AnnotationCatalog.HealthCheckFlag) ?? "off";
            s["StickySession"] = a.Get(AnnotationCatalog.StickySession) ?? "off";
            Put("HealthCheckMethod", AnnotationCatalog.HealthCheckMethod);
            Put("HealthCheckTimeout", AnnotationCatalog.HealthCheckTimeout);
            Put("StickySessionType", AnnotationCatalog.StickySessionType);
            Put("Cookie", AnnotationCatalog.Cookie);
            Put("CookieTimeout", AnnotationCatalog.CookieTimeout);
            Put("XForwardedFor_proto", AnnotationCatalog.XForwardedForProto);
            Put("XForwardedFor_SLBPORT", AnnotationCatalog.XForwardedForSlbPort);
            Put("XForwardedFor_ClientSrcPort", AnnotationCatalog.XForwardedForClientSrcPort);
            Put("IdleTimeout", AnnotationCatalog.IdleTimeout);
            Put("RequestTimeout", AnnotationCatalog.RequestTimeout);
        }

        if (protocol == "https")
        {
            Put("ServerCertificateId", AnnotationCatalog.CertId);
            Put("EnableHttp2", AnnotationCatalog.Http2Enabled);
            Put("TLSCipherPolicy", AnnotationCatalog.TlsCipherPolicy);
        }

        return s.ToImmutable();
    }

    /// <summary>The same names read from a listener DescribeLoadBalancerListeners returned.</summary>
    public static ImmutableSortedDictionary<string, string> Of(CloudClients.Slb.Listener listener)
    {
        var s = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        void Put(string name, object? value)
        {
            if (value is not null)
            {
                s[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        Put("Scheduler", listener.Scheduler);
        Put("Bandwidth", listener.Bandwidth);
        Put("AclStatus", listener.AclStatus);
        Put("AclId", listener.AclId ?? (listener.AclIds.Count > 0 ? listener.AclIds[0] : null));
        Put("AclType", listener.AclType);
        if (Config(listener) is { } c)
        {
            Put("HealthCheck", c.HealthCheck);
            Put("HealthCheckType", c.HealthCheckType);
            Put("HealthCheckConnectPort", c.HealthCheckConnectPort);
            Put("HealthCheckConnectTimeout", c.HealthCheckConnectTimeout);
            Put("HealthCheckInterval", c.HealthCheckInterval);
            Put("HealthCheckTimeout", c.HealthCheckTimeout);
            Put("HealthCheckDomain", c.HealthCheckDomain);
            Put("HealthCheckURI", c.HealthCheckURI);
            Put("HealthCheckHttpCode", c.HealthCheckHttpCode);
            Put("HealthCheckMethod", c.HealthCheckMethod);
            Put("HealthyThreshold", c.HealthyThreshold);
            Put("UnhealthyThreshold", c.UnhealthyThreshold);
            Put("PersistenceTimeout", c.PersistenceTimeout);
            Put("EstablishedTimeout", c.EstablishedTimeout);
            Put("ConnectionDrain", c.ConnectionDrain);
            Put("ConnectionDrainTimeout", c.ConnectionDrainTimeout);
            Put("ProxyProtocolV2Enabled", c.ProxyProtocolV2Enabled?.ToLowerInvariant());
            Put("StickySession", c.StickySession);
            Put("StickySessionType", c.StickySessionType);
            Put("Cookie", c.Cookie);
            Put("CookieTimeout", c.CookieTimeout);
            Put("XForwardedFor_proto", c.XForwardedFor_proto);
            Put("XForwardedFor_SLBPORT", c.XForwardedFor_SLBPORT);
            Put("XForwardedFor_ClientSrcPort", c.XForwardedFor_ClientSrcPort);
            Put("IdleTimeout", c.IdleTimeout);
            Put("RequestTimeout", c.RequestTimeout);
            Put("ServerCertificateId", c.ServerCertificateId);
            Put("EnableHttp2", c.EnableHttp2);
            Put("TLSCipherPolicy", c.TLSCipherPolicy);
        }

        return s.ToImmutable();
    }

    /// <summary>The HTTPS port an HTTP listener redirects to, or null.</summary>
    public static int? ForwardPort(CloudClients.Slb.Listener listener) =>
        Config(listener) is { ListenerForward: "on", ForwardPort: { } port } ? port : null;

    /// <summary>The wanted settings the found ones lack or contradict (values compared without regard to case).</summary>
    public static ImmutableSortedDictionary<string, string> Drift(ImmutableSortedDictionary<string, string> wanted, ImmutableSortedDictionary<string, string> found) =>
        wanted.Where(w => !found.TryGetValue(w.Key, out var have) || !string.Equals(have, w.Value, StringComparison.OrdinalIgnoreCase))
            .ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static CloudClients.Slb.ListenerConfig? Config(CloudClients.Slb.Listener listener) =>
        listener.TCPListenerConfig ?? listener.UDPListenerConfig ?? listener.HTTPListenerConfig ?? listener.HTTPSListenerConfig;
}
