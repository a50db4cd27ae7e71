namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// Every listener setting the emulator keeps, with the defaults the real service fills in (TCP health checks on, wrr,
/// 900 s established timeout, HTTP gzip and X-Forwarded-For on…). Create and Set read it, Describe writes it.
/// </summary>
internal static class ListenerSchema
{
    private static readonly string[] OnOff = ["on", "off"];

    public static readonly IReadOnlyList<ListenerAttribute> Attributes =
    [
        new("VServerGroupId", AttributeKind.String, ListenerProtocols.All, TopLevel: true),
        new("BackendServerPort", AttributeKind.Int, ListenerProtocols.All, TopLevel: true),
        new("Bandwidth", AttributeKind.Int, ListenerProtocols.All, "-1", TopLevel: true),
        new("Scheduler", AttributeKind.String, ListenerProtocols.All, "wrr", Allowed: ["wrr", "rr", "wlc", "sch", "tch", "qch"], TopLevel: true),
        new("Description", AttributeKind.String, ListenerProtocols.All, TopLevel: true),
        new("AclId", AttributeKind.String, ListenerProtocols.All, TopLevel: true),
        new("AclStatus", AttributeKind.String, ListenerProtocols.All, "off", Allowed: OnOff, TopLevel: true),
        new("AclType", AttributeKind.String, ListenerProtocols.All, Allowed: ["white", "black"], TopLevel: true),
        new("MasterSlaveServerGroupId", AttributeKind.String, ListenerProtocols.Layer4),
        new("PersistenceTimeout", AttributeKind.Int, ListenerProtocols.Tcp, "0"),
        new("EstablishedTimeout", AttributeKind.Int, ListenerProtocols.Tcp, "900"),
        new("ConnectionDrain", AttributeKind.String, ListenerProtocols.Tcp, "off", Allowed: OnOff),
        new("ConnectionDrainTimeout", AttributeKind.Int, ListenerProtocols.Tcp),
        new("SynProxy", AttributeKind.String, ListenerProtocols.Tcp, "disable", Allowed: ["enable", "disable"]),
        new("HealthCheck", AttributeKind.String, ListenerProtocols.Layer4, "on", "HealthCheckSwitch", OnOff),
        new("HealthCheck", AttributeKind.String, ListenerProtocols.Layer7, Allowed: OnOff),
        new("HealthCheckType", AttributeKind.String, ListenerProtocols.Tcp, "tcp", Allowed: ["tcp", "http"]),
        new("HealthCheckDomain", AttributeKind.String, ListenerProtocols.Tcp | ListenerProtocols.Layer7),
        new("HealthCheckURI", AttributeKind.String, ListenerProtocols.Tcp | ListenerProtocols.Layer7),
        new("HealthCheckHttpCode", AttributeKind.String, ListenerProtocols.Tcp | ListenerProtocols.Layer7),
        new("HealthCheckMethod", AttributeKind.String, ListenerProtocols.Tcp | ListenerProtocols.Layer7, Allowed: ["head", "get"]),
        new("HealthCheckConnectPort", AttributeKind.Int, ListenerProtocols.All),
        // The request spells it healthCheckInterval for TCP/UDP; parameters are matched case-insensitively.
        new("HealthCheckInterval", AttributeKind.Int, ListenerProtocols.All, "2"),
        new("HealthCheckConnectTimeout", AttributeKind.Int, ListenerProtocols.Layer4, "5"),
        new("HealthCheckTimeout", AttributeKind.Int, ListenerProtocols.Layer7, "5"),
        new("HealthyThreshold", AttributeKind.Int, ListenerProtocols.All, "3"),
        new("UnhealthyThreshold", AttributeKind.Int, ListenerProtocols.All, "3"),
        new("HealthCheckReq", AttributeKind.String, ListenerProtocols.Udp),
        new("HealthCheckExp", AttributeKind.String, ListenerProtocols.Udp),
        new("ProxyProtocolV2Enabled", AttributeKind.Bool, ListenerProtocols.Layer4, "false"),
        new("StickySession", AttributeKind.String, ListenerProtocols.Layer7, "off", Allowed: OnOff),
        new("StickySessionType", AttributeKind.String, ListenerProtocols.Layer7, Allowed: ["insert", "server"]),
        new("Cookie", AttributeKind.String, ListenerProtocols.Layer7),
        new("CookieTimeout", AttributeKind.Int, ListenerProtocols.Layer7),
        new("XForwardedFor", AttributeKind.String, ListenerProtocols.Layer7, "on", Allowed: OnOff),
        new("XForwardedFor_SLBIP", AttributeKind.String, ListenerProtocols.Layer7, "off", Allowed: OnOff),
        new("XForwardedFor_SLBID", AttributeKind.String, ListenerProtocols.Layer7, "off", Allowed: OnOff),
        new("XForwardedFor_proto", AttributeKind.String, ListenerProtocols.Layer7, "off", Allowed: OnOff),
        new("XForwardedFor_SLBPORT", AttributeKind.String, ListenerProtocols.Layer7, "off", Allowed: OnOff),
        new("XForwardedFor_ClientSrcPort", AttributeKind.String, ListenerProtocols.Layer7, "off", Allowed: OnOff),
        new("Gzip", AttributeKind.String, ListenerProtocols.Layer7, "on", Allowed: OnOff),
        new("IdleTimeout", AttributeKind.Int, ListenerProtocols.Layer7, "15"),
        new("RequestTimeout", AttributeKind.Int, ListenerProtocols.Layer7, "60"),
        new("ListenerForward", AttributeKind.String, ListenerProtocols.Http, "off", Allowed: OnOff),
        new("ForwardPort", AttributeKind.Int, ListenerProtocols.Http),
        new("ServerCertificateId", AttributeKind.String, ListenerProtocols.Https),
        new("CACertificateId", AttributeKind.String, ListenerProtocols.Https),
        new("EnableHttp2", AttributeKind.String, ListenerProtocols.Https, "on", Allowed: OnOff),
        new("TLSCipherPolicy", AttributeKind.String, ListenerProtocols.Https, "tls_cipher_policy_1_0"),
    ];

    public static ListenerProtocols Flag(string protocol) => protocol switch
    {
        "tcp" => ListenerProtocols.Tcp,
        "udp" => ListenerProtocols.Udp,
        "http" => ListenerProtocols.Http,
        "https" => ListenerProtocols.Https,
        _ => ListenerProtocols.None,
    };

    public static IEnumerable<ListenerAttribute> For(string protocol) => Attributes.Where(a => a.Protocols.HasFlag(Flag(protocol)));
}
