namespace Ccm.Grains.Services;

/// <summary>
/// Every annotation the Service grain handles, in one table (reference ccm-upstream.md §2: every CLB annotation of
/// upstream's <c>annotations.go</c>; the NLB-only ones and the two that choose a controller are in
/// <see cref="UpstreamAnnotations"/> with the reason they mean nothing here).
/// Ranges are the SLB API's; upstream documents them without enforcing, we refuse a value the API would refuse, so the
/// user learns it from an Event on the Service rather than from a failed cloud call halfway through a plan.
/// </summary>
public static class AnnotationCatalog
{
    // Load balancer.
    public static readonly AnnotationSpec AddressType = OneOf("address-type", immutable: true, "internet", "intranet");
    public static readonly AnnotationSpec LoadBalancerId = new("id", "a load balancer id (lb-...)", v => AnnotationValues.IsResourceId(v, "lb"));
    public static readonly AnnotationSpec ForceOverrideListeners = OneOf("force-override-listeners", immutable: false, "true", "false");
    public static readonly AnnotationSpec Name = new("name", "1 to 80 characters", v => v.Length <= 80);
    public static readonly AnnotationSpec ResourceGroupId = new("resource-group-id", "a resource group id (rg-...)", v => AnnotationValues.IsResourceId(v, "rg"), Immutable: true);
    public static readonly AnnotationSpec AdditionalTags = new("additional-resource-tags", "k1=v1,k2=v2 (at most 10 tags; keys not starting with aliyun or acs:)", v => AnnotationValues.Tags(v) is not null);
    public static readonly AnnotationSpec DeleteProtection = OneOf("delete-protection", immutable: false, "on", "off");
    public static readonly AnnotationSpec ModificationProtection = OneOf("modification-protection", immutable: false, "ConsoleProtection", "NonProtection");
    public static readonly AnnotationSpec InstanceChargeType = OneOf("instance-charge-type", immutable: false, "PayBySpec", "PayByCLCU");
    public static readonly AnnotationSpec Spec = OneOf("spec", immutable: false, "slb.s1.small", "slb.s2.small", "slb.s2.medium", "slb.s3.small", "slb.s3.medium", "slb.s3.large");
    public static readonly AnnotationSpec ChargeType = OneOf("charge-type", immutable: false, "paybytraffic", "paybybandwidth");
    public static readonly AnnotationSpec Bandwidth = Range("bandwidth", 1, 5120);
    public static readonly AnnotationSpec VSwitchId = new("vswitch-id", "a vSwitch id (vsw-...)", v => AnnotationValues.IsResourceId(v, "vsw"), Immutable: true);
    public static readonly AnnotationSpec MasterZoneId = new("master-zoneid", "a zone id, e.g. cn-hangzhou-h", v => AnnotationValues.IsHostname(v), Immutable: true);
    public static readonly AnnotationSpec SlaveZoneId = new("slave-zoneid", "a zone id, e.g. cn-hangzhou-i", v => AnnotationValues.IsHostname(v), Immutable: true);
    public static readonly AnnotationSpec IpVersion = OneOf("ip-version", immutable: true, "ipv4", "ipv6");
    public static readonly AnnotationSpec Address = new("ip", "an IP address of the vSwitch", AnnotationValues.IsIpAddress, Immutable: true);
    public static readonly AnnotationSpec Hostname = new("hostname", "a DNS name", AnnotationValues.IsHostname);
    public static readonly AnnotationSpec PreserveOnDelete = new("preserve-lb-on-delete", "any value (\"false\" and \"off\" mean no)", _ => true);
    public static readonly AnnotationSpec NetworkType = OneOf("network-type", immutable: true, "vpc", "classic");
    public static readonly AnnotationSpec ExternalIpType = OneOf("external-ip-type", immutable: false, "eip");

    // Listeners.
    public static readonly AnnotationSpec ProtocolPort = new("protocol-port", "protocol:port pairs, e.g. https:443,http:80 (tcp, udp, http, https)", v => AnnotationValues.ProtocolPorts(v) is not null);
    public static readonly AnnotationSpec CertId = new("cert-id", "a server certificate id", v => v.Length <= 200);
    public static readonly AnnotationSpec TlsCipherPolicy = OneOf("tls-cipher-policy", immutable: false, "tls_cipher_policy_1_0", "tls_cipher_policy_1_1", "tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3");
    public static readonly AnnotationSpec Http2Enabled = OneOf("http2-enabled", immutable: false, "on", "off");
    public static readonly AnnotationSpec ForwardPort = new("forward-port", "http:https port pairs, e.g. 80:443", v => AnnotationValues.ForwardPorts(v) is not null);
    public static readonly AnnotationSpec Scheduler = OneOf("scheduler", immutable: false, "rr", "wrr", "wlc", "sch", "tch", "qch");
    public static readonly AnnotationSpec PersistenceTimeout = Range("persistence-timeout", 0, 3600);
    public static readonly AnnotationSpec EstablishedTimeout = Range("established-timeout", 10, 900);
    public static readonly AnnotationSpec IdleTimeout = Range("idle-timeout", 1, 60);
    public static readonly AnnotationSpec RequestTimeout = Range("request-timeout", 1, 180);
    public static readonly AnnotationSpec ConnectionDrain = OneOf("connection-drain", immutable: false, "on", "off");
    public static readonly AnnotationSpec ConnectionDrainTimeout = Range("connection-drain-timeout", 10, 900);
    public static readonly AnnotationSpec ProxyProtocol = OneOf("proxy-protocol", immutable: false, "on", "off");
    public static readonly AnnotationSpec AclStatus = OneOf("acl-status", immutable: false, "on", "off");
    public static readonly AnnotationSpec AclId = new("acl-id", "an access control list id (acl-...)", v => AnnotationValues.IsResourceId(v, "acl"));
    public static readonly AnnotationSpec AclType = OneOf("acl-type", immutable: false, "white", "black");
    public static readonly AnnotationSpec StickySession = OneOf("sticky-session", immutable: false, "on", "off");
    public static readonly AnnotationSpec StickySessionType = OneOf("sticky-session-type", immutable: false, "insert", "server");
    public static readonly AnnotationSpec CookieTimeout = Range("cookie-timeout", 1, 86400);
    public static readonly AnnotationSpec Cookie = new("cookie", "1 to 200 characters", v => v.Length <= 200 && !v.Contains(' ', StringComparison.Ordinal));
    public static readonly AnnotationSpec XForwardedForProto = OneOf("xforwardedfor-proto", immutable: false, "on", "off");
    public static readonly AnnotationSpec XForwardedForSlbPort = OneOf("xforwardedfor-slbport", immutable: false, "on", "off");
    public static readonly AnnotationSpec XForwardedForClientSrcPort = OneOf("xforwardedfor-clientsrcport", immutable: false, "on", "off");
    public static readonly AnnotationSpec HealthCheckSwitch = OneOf("health-check-switch", immutable: false, "on", "off");
    public static readonly AnnotationSpec HealthCheckFlag = OneOf("health-check-flag", immutable: false, "on", "off");
    public static readonly AnnotationSpec HealthCheckType = OneOf("health-check-type", immutable: false, "tcp", "http");
    public static readonly AnnotationSpec HealthCheckUri = new("health-check-uri", "a path starting with / (1 to 80 characters)", v => v.Length <= 80 && v.StartsWith('/'));
    public static readonly AnnotationSpec HealthCheckDomain = new("health-check-domain", "a domain name, or $_ip", v => v == "$_ip" || AnnotationValues.IsHostname(v));
    public static readonly AnnotationSpec HealthCheckHttpCode = new("health-check-httpcode", "http_2xx, http_3xx, http_4xx, http_5xx, comma separated", AnnotationValues.IsHttpCodes);
    public static readonly AnnotationSpec HealthCheckMethod = OneOf("health-check-method", immutable: false, "head", "get");
    public static readonly AnnotationSpec HealthCheckConnectPort = new("health-check-connect-port", "-520 (the backend port) or 1 to 65535", v => AnnotationValues.Int(v) is -520 or (>= 1 and <= 65535));
    public static readonly AnnotationSpec HealthyThreshold = Range("healthy-threshold", 2, 10);
    public static readonly AnnotationSpec UnhealthyThreshold = Range("unhealthy-threshold", 2, 10);
    public static readonly AnnotationSpec HealthCheckInterval = Range("health-check-interval", 1, 50);
    public static readonly AnnotationSpec HealthCheckConnectTimeout = Range("health-check-connect-timeout", 1, 300);
    public static readonly AnnotationSpec HealthCheckTimeout = Range("health-check-timeout", 1, 300);
    public static readonly AnnotationSpec DomainExtensions = new("domain-extensions", "domain:certificate-id pairs, e.g. www.example.com:cert-1,*.example.org:cert-2", v => AnnotationValues.DomainExtensions(v) is not null);

    // Backends.
    public static readonly AnnotationSpec BackendLabel = new("backend-label", "node labels k=v,k2=v2 (all must match)", v => AnnotationValues.LabelSelector(v) is not null);
    public static readonly AnnotationSpec BackendType = new("service.beta.kubernetes.io/backend-type", "eni, ecs", v => v is "eni" or "ecs", Prefixed: false);
    public static readonly AnnotationSpec RemoveUnscheduledBackend = OneOf("remove-unscheduled-backend", immutable: false, "on", "off");
    public static readonly AnnotationSpec DefaultWeight = Range("default-weight", 0, 100);
    public static readonly AnnotationSpec VServerGroupPort = new("vgroup-port", "vServerGroupId:port pairs, a port once, e.g. rsp-bp1a:80,rsp-bp1b:443", v => AnnotationValues.VServerGroupPorts(v) is not null);
    public static readonly AnnotationSpec Weight = Range("weight", 0, 100);
    public static readonly AnnotationSpec IgnoreWeightUpdate = OneOf("ignore-weight-update", immutable: false, "on", "off");
    public static readonly AnnotationSpec BackendIpVersion = OneOf("backend-ip-version", immutable: false, "ipv4", "ipv6");

    /// <summary>The whole table, in the order above.</summary>
    public static readonly IReadOnlyList<AnnotationSpec> All =
    [
        AddressType, LoadBalancerId, ForceOverrideListeners, Name, ResourceGroupId, AdditionalTags, DeleteProtection,
        ModificationProtection, InstanceChargeType, Spec, ChargeType, Bandwidth, VSwitchId, MasterZoneId, SlaveZoneId, IpVersion,
        Address, Hostname, PreserveOnDelete, NetworkType, ExternalIpType,
        ProtocolPort, CertId, TlsCipherPolicy, Http2Enabled, ForwardPort, Scheduler, PersistenceTimeout, EstablishedTimeout,
        IdleTimeout, RequestTimeout, ConnectionDrain, ConnectionDrainTimeout, ProxyProtocol, AclStatus, AclId, AclType,
        StickySession, StickySessionType, CookieTimeout, Cookie, XForwardedForProto, XForwardedForSlbPort, XForwardedForClientSrcPort,
        HealthCheckSwitch, HealthCheckFlag, HealthCheckType, HealthCheckUri, HealthCheckDomain, HealthCheckHttpCode, HealthCheckMethod,
        HealthCheckConnectPort, HealthyThreshold, UnhealthyThreshold, HealthCheckInterval, HealthCheckConnectTimeout, HealthCheckTimeout,
        DomainExtensions,
        BackendLabel, BackendType, RemoveUnscheduledBackend, DefaultWeight, VServerGroupPort, Weight, IgnoreWeightUpdate, BackendIpVersion,
    ];

    private static AnnotationSpec OneOf(string key, bool immutable, params string[] values) =>
        new(key, string.Join(", ", values), v => values.Contains(v, StringComparer.Ordinal), immutable);

    private static AnnotationSpec Range(string key, int min, int max) =>
        new(key, $"an integer from {min} to {max}", v => AnnotationValues.Int(v) is { } n && n >= min && n <= max);
}
