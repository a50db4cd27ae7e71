using System.Collections.Immutable;
using System.Globalization;
using Ccm.CloudClients.Slb;

namespace Ccm.Grains.Services;

/// <summary>
/// Listener settings (<see cref="ListenerSettings"/> names) into the four protocols' Create/Set requests. Only the
/// settings present are sent. The TCP/UDP health check switch is <c>HealthCheck</c> when described and
/// <c>HealthCheckSwitch</c> when set, as the API has it.
/// </summary>
internal static class ListenerRequests
{
    public static Task<CloudClients.Transport.OpenApiResponse> CreateAsync(
        ISlbClient slb, string lbId, DesiredListener listener, string groupId, CancellationToken ct)
    {
        var s = listener.Settings;
        return listener.Protocol switch
        {
            "tcp" => slb.CreateLoadBalancerTCPListenerAsync(Tcp(new CreateLoadBalancerTCPListenerRequest { LoadBalancerId = lbId, ListenerPort = listener.Port }, s, groupId, listener.Description), ct),
            "udp" => slb.CreateLoadBalancerUDPListenerAsync(Udp(new CreateLoadBalancerUDPListenerRequest { LoadBalancerId = lbId, ListenerPort = listener.Port }, s, groupId, listener.Description), ct),
            "http" => slb.CreateLoadBalancerHTTPListenerAsync(Http(new CreateLoadBalancerHTTPListenerRequest
            {
                LoadBalancerId = lbId, ListenerPort = listener.Port,
                ListenerForward = listener.ForwardPort is null ? null : "on", ForwardPort = listener.ForwardPort,
            }, s, groupId, listener.Description), ct),
            _ => slb.CreateLoadBalancerHTTPSListenerAsync(Https(new CreateLoadBalancerHTTPSListenerRequest { LoadBalancerId = lbId, ListenerPort = listener.Port }, s, groupId, listener.Description), ct),
        };
    }

    public static Task<CloudClients.Transport.OpenApiResponse> SetAsync(
        ISlbClient slb, string lbId, SetListenerAttributeOperation op, string? groupId, CancellationToken ct)
    {
        var (s, on) = (op.Changes, groupId is null ? null : "on");
        return op.Protocol switch
        {
            "tcp" => slb.SetLoadBalancerTCPListenerAttributeAsync(Tcp(new SetLoadBalancerTCPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = op.Port, VServerGroup = on }, s, groupId, op.Description), ct),
            "udp" => slb.SetLoadBalancerUDPListenerAttributeAsync(Udp(new SetLoadBalancerUDPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = op.Port, VServerGroup = on }, s, groupId, op.Description), ct),
            "http" => slb.SetLoadBalancerHTTPListenerAttributeAsync(Http(new SetLoadBalancerHTTPListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = op.Port, VServerGroup = on }, s, groupId, op.Description), ct),
            _ => slb.SetLoadBalancerHTTPSListenerAttributeAsync(Https(new SetLoadBalancerHTTPSListenerAttributeRequest { LoadBalancerId = lbId, ListenerPort = op.Port, VServerGroup = on }, s, groupId, op.Description), ct),
        };
    }

    private static T Common<T>(T r, ImmutableSortedDictionary<string, string> s, string? groupId, string? description) where T : ListenerRequest => (T)((ListenerRequest)r with
    {
        VServerGroupId = groupId, Description = description, Bandwidth = Int(s, "Bandwidth"), Scheduler = Str(s, "Scheduler"),
        AclStatus = Str(s, "AclStatus"), AclId = Str(s, "AclId"), AclType = Str(s, "AclType"),
        HealthyThreshold = Int(s, "HealthyThreshold"), UnhealthyThreshold = Int(s, "UnhealthyThreshold"),
        HealthCheckConnectPort = Int(s, "HealthCheckConnectPort"),
    });

    private static T Tcp<T>(T r, ImmutableSortedDictionary<string, string> s, string? groupId, string? description) where T : TcpListenerRequest => (T)((TcpListenerRequest)Common(r, s, groupId, description) with
    {
        PersistenceTimeout = Int(s, "PersistenceTimeout"), EstablishedTimeout = Int(s, "EstablishedTimeout"), HealthCheckSwitch = Str(s, "HealthCheck"),
        HealthCheckType = Str(s, "HealthCheckType"), HealthCheckConnectTimeout = Int(s, "HealthCheckConnectTimeout"),
        HealthCheckInterval = Int(s, "HealthCheckInterval"), HealthCheckDomain = Str(s, "HealthCheckDomain"), HealthCheckURI = Str(s, "HealthCheckURI"),
        HealthCheckHttpCode = Str(s, "HealthCheckHttpCode"), ConnectionDrain = Str(s, "ConnectionDrain"),
        ConnectionDrainTimeout = Int(s, "ConnectionDrainTimeout"), ProxyProtocolV2Enabled = Bool(s, "ProxyProtocolV2Enabled"),
    });

    private static T Udp<T>(T r, ImmutableSortedDictionary<string, string> s, string? groupId, string? description) where T : UdpListenerRequest => (T)((UdpListenerRequest)Common(r, s, groupId, description) with
    {
        HealthCheckSwitch = Str(s, "HealthCheck"), HealthCheckConnectTimeout = Int(s, "HealthCheckConnectTimeout"),
        HealthCheckInterval = Int(s, "HealthCheckInterval"), ProxyProtocolV2Enabled = Bool(s, "ProxyProtocolV2Enabled"),
    });

    private static T Http<T>(T r, ImmutableSortedDictionary<string, string> s, string? groupId, string? description) where T : HttpListenerRequest => (T)((HttpListenerRequest)Common(r, s, groupId, description) with
    {
        HealthCheck = Str(s, "HealthCheck"), HealthCheckURI = Str(s, "HealthCheckURI"), HealthCheckDomain = Str(s, "HealthCheckDomain"),
        HealthCheckHttpCode = Str(s, "HealthCheckHttpCode"), HealthCheckInterval = Int(s, "HealthCheckInterval"),
        HealthCheckTimeout = Int(s, "HealthCheckTimeout"), HealthCheckMethod = Str(s, "HealthCheckMethod"),
        StickySession = Str(s, "StickySession"), StickySessionType = Str(s, "StickySessionType"), Cookie = Str(s, "Cookie"),
        CookieTimeout = Int(s, "CookieTimeout"), XForwardedFor_proto = Str(s, "XForwardedFor_proto"),
        XForwardedFor_SLBPORT = Str(s, "XForwardedFor_SLBPORT"), XForwardedFor_ClientSrcPort = Str(s, "XForwardedFor_ClientSrcPort"),
        IdleTimeout = Int(s, "IdleTimeout"), RequestTimeout = Int(s, "RequestTimeout"),
    });

    private static T Https<T>(T r, ImmutableSortedDictionary<string, string> s, string? groupId, string? description) where T : HttpsListenerRequest => (T)((HttpsListenerRequest)Http(r, s, groupId, description) with
    {
        ServerCertificateId = Str(s, "ServerCertificateId"), EnableHttp2 = Str(s, "EnableHttp2"), TLSCipherPolicy = Str(s, "TLSCipherPolicy"),
    });

    private static string? Str(ImmutableSortedDictionary<string, string> s, string name) => s.GetValueOrDefault(name);

    private static int? Int(ImmutableSortedDictionary<string, string> s, string name) =>
        s.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool? Bool(ImmutableSortedDictionary<string, string> s, string name) => s.TryGetValue(name, out var v) ? v == "true" : null;
}
