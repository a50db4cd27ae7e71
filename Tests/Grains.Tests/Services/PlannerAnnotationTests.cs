using Ccm.Grains.Services;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>Each annotation, set to a valid value, shows in the plan that creates the Service's load balancer.</summary>
public class PlannerAnnotationTests
{
    private const string Https = "protocol-port=https:80;cert-id=cert-1";
    private const string Http = "protocol-port=http:80";

    /// <summary>annotation, value, other annotations it needs (k=v;k=v), what the plan must then say.</summary>
    public static TheoryData<string, string, string, string> Effects => new()
    {
        { "address-type", "intranet", "", "AddressType=intranet, VSwitchId=vsw-" },
        { "name", "my-clb", "", "CreateLoadBalancer my-clb:" },
        { "resource-group-id", "rg-acfm001", "", "ResourceGroupId=rg-acfm001" },
        { "additional-resource-tags", "team=web,env", "", "Tags=kubernetes.do.not.delete=a6f1b2c3d4e5f4a6b8c7d9e0f1a2b3c4 ack.aliyun.com=c-sandbox team=web env=" },
        { "delete-protection", "off", "", "DeleteProtection=off" },
        { "modification-protection", "NonProtection", "", "ModificationProtection=NonProtection" },
        { "instance-charge-type", "PayBySpec", "", "InstanceChargeType=PayBySpec, Spec=slb.s1.small" },
        { "spec", "slb.s2.small", "", "InstanceChargeType=PayBySpec, Spec=slb.s2.small" },
        { "charge-type", "paybybandwidth", "", "InternetChargeType=paybybandwidth" },
        { "bandwidth", "50", "charge-type=paybybandwidth", "Bandwidth=50" },
        { "vswitch-id", "vsw-bp1sandboxzonei0001", "address-type=intranet", "VSwitchId=vsw-bp1sandboxzonei0001" },
        { "master-zoneid", "cn-hangzhou-h", "", "MasterZoneId=cn-hangzhou-h" },
        { "slave-zoneid", "cn-hangzhou-i", "", "SlaveZoneId=cn-hangzhou-i" },
        { "ip-version", "ipv6", "", "AddressIPVersion=ipv6" },
        { "ip", "192.168.0.150", "address-type=intranet", "Address=192.168.0.150" },
        { "protocol-port", "http:80", "", "CreateLoadBalancerHTTPListener (new load balancer):http/80: HealthCheck=off, Scheduler=rr, StickySession=off" },
        { "cert-id", "cert-1", "protocol-port=https:80", "CreateLoadBalancerHTTPSListener (new load balancer):https/80: Bandwidth=-1, HealthCheck=off, Scheduler=rr, ServerCertificateId=cert-1" },
        { "tls-cipher-policy", "tls_cipher_policy_1_2", Https, "TLSCipherPolicy=tls_cipher_policy_1_2" },
        { "http2-enabled", "off", Https, "EnableHttp2=off" },
        { "scheduler", "wrr", "", "Scheduler=wrr" },
        { "persistence-timeout", "3600", "", "PersistenceTimeout=3600" },
        { "established-timeout", "10", "", "EstablishedTimeout=10" },
        { "idle-timeout", "60", Http, "IdleTimeout=60" },
        { "request-timeout", "180", Http, "RequestTimeout=180" },
        { "connection-drain", "on", "", "ConnectionDrain=on" },
        { "connection-drain-timeout", "900", "", "ConnectionDrainTimeout=900" },
        { "proxy-protocol", "on", "", "ProxyProtocolV2Enabled=true" },
        { "acl-status", "on", "", "AclStatus=on" },
        { "acl-id", "acl-bp1acl0001", "", "AclId=acl-bp1acl0001" },
        { "acl-type", "white", "", "AclType=white" },
        { "sticky-session", "on", Http, "StickySession=on" },
        { "sticky-session-type", "server", Http, "StickySessionType=server" },
        { "cookie-timeout", "1800", Http, "CookieTimeout=1800" },
        { "cookie", "sid", Http, "Cookie=sid" },
        { "xforwardedfor-proto", "on", Http, "XForwardedFor_proto=on" },
        { "xforwardedfor-slbport", "on", Http, "XForwardedFor_SLBPORT=on" },
        { "xforwardedfor-clientsrcport", "on", Http, "XForwardedFor_ClientSrcPort=on" },
        { "health-check-switch", "off", "", "HealthCheck=off" },
        { "health-check-flag", "on", Http, "HealthCheck=on" },
        { "health-check-type", "http", "", "HealthCheckType=http" },
        { "health-check-uri", "/healthz", "", "HealthCheckURI=/healthz" },
        { "health-check-domain", "web.example.com", "", "HealthCheckDomain=web.example.com" },
        { "health-check-httpcode", "http_2xx,http_3xx", "", "HealthCheckHttpCode=http_2xx,http_3xx" },
        { "health-check-method", "get", Http, "HealthCheckMethod=get" },
        { "health-check-connect-port", "-520", "", "HealthCheckConnectPort=-520" },
        { "healthy-threshold", "4", "", "HealthyThreshold=4" },
        { "unhealthy-threshold", "5", "", "UnhealthyThreshold=5" },
        { "health-check-interval", "7", "", "HealthCheckInterval=7" },
        { "health-check-connect-timeout", "8", "", "HealthCheckConnectTimeout=8" },
        { "health-check-timeout", "9", Http, "HealthCheckTimeout=9" },
        { "default-weight", "50", "", ":30080 w50" },
        { "backend-label", "pool=web", "", "CreateVServerGroup k8s/30080/web/default/c-sandbox: no members" },
        { "remove-unscheduled-backend", "on", "", "CreateVServerGroup k8s/30080/web/default/c-sandbox: i-bp1sandboxnode000001:30080 w100, i-bp1sandboxnode000003:30080 w100" },
        { "service.beta.kubernetes.io/backend-type", "eni", "", "CreateVServerGroup k8s/8080/web/default/c-sandbox: no members" },
        { "network-type", "classic", "address-type=intranet", "AddressType=intranet, InstanceChargeType=PayByCLCU" },
        { "domain-extensions", "www.example.com:cert-2", Https, "CreateDomainExtension (new load balancer):https/80: www.example.com=cert-2" },
    };

    [Theory]
    [MemberData(nameof(Effects))]
    public void A_valid_annotation_shows_in_the_create_plan(string annotation, string value, string extras, string expected)
    {
        var tweaks = new List<Func<V1Service, V1Service>> { Annotate(annotation, value) };
        tweaks.AddRange(extras.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => Annotate(e[..e.IndexOf('=')], e[(e.IndexOf('=') + 1)..])));
        var nodes = new[] { DemoNode(0), DemoNode(1, Cordoned), DemoNode(2) };

        var plan = ServicePlanner.Plan(Desired(Svc(tweaks: [.. tweaks]), nodes), null, new PlanOptions());

        Assert.Empty(plan.Conflicts);
        var rendered = Render(plan.Operations);
        Assert.True(rendered.Any(line => line.Contains(expected, StringComparison.Ordinal)), $"no operation says \"{expected}\":\n" + string.Join("\n", rendered));
    }

    [Fact]
    public void Every_annotation_is_covered_by_an_effect_row_or_a_test_of_its_own()
    {
        // id, force-override-listeners, hostname and preserve-lb-on-delete change ownership, status and deletion,
        // not the create plan, and forward-port needs two ports: ServicePlannerTests, DeletionPlannerTests and the
        // reconciler tests cover them. vgroup-port, weight and ignore-weight-update act on existing (reused) groups
        // (ReusedLoadBalancerPlannerTests), external-ip-type is EipPlannerTests', backend-ip-version needs a gate
        // (BackendIpVersionTests).
        string[] elsewhere =
        [
            "id", "force-override-listeners", "hostname", "preserve-lb-on-delete", "forward-port", "vgroup-port", "weight", "ignore-weight-update",
            "external-ip-type", "backend-ip-version",
        ];
        var covered = Effects.Select(row => (string)row[0]).Concat(elsewhere).ToHashSet();

        Assert.Empty(AnnotationCatalog.All.Where(spec => !covered.Contains(spec.Key)).Select(spec => spec.Name));
    }

    [Theory]
    [MemberData(nameof(AnnotationTests.Values), MemberType = typeof(AnnotationTests))]
    public void An_invalid_annotation_leaves_no_desired_state_so_nothing_is_planned(string annotation, string valid, string invalid)
    {
        _ = valid;
        var (desired, errors) = DesiredStateBuilder.Build(Svc(tweaks: Annotate(annotation, invalid)), DemoNodes(), [], Options());

        if (invalid.Length == 0)
        {
            Assert.NotNull(desired);
            return;
        }

        Assert.Null(desired);
        Assert.Contains(errors, e => e.Value == invalid);
    }

    [Theory]
    [InlineData("protocol-port=https:80", "cert-id", "(unset)")]
    [InlineData("forward-port=80:443", "forward-port", "80:443")]
    [InlineData("protocol-port=http:80;forward-port=80:443", "forward-port", "80:443")]
    public void Annotations_that_do_not_fit_the_ports_are_refused(string annotations, string refused, string value)
    {
        var tweaks = annotations.Split(';').Select(e => Annotate(e[..e.IndexOf('=')], e[(e.IndexOf('=') + 1)..])).ToArray();

        var (desired, errors) = DesiredStateBuilder.Build(Svc(tweaks: tweaks), DemoNodes(), [], Options());

        Assert.Null(desired);
        var error = Assert.Single(errors);
        Assert.Equal(ServicePredicates.AnnotationPrefix + refused, error.Annotation);
        Assert.Equal(value, error.Value);
    }

    [Fact]
    public void An_SCTP_port_is_refused() =>
        Assert.Contains(DesiredStateBuilder.Build(Svc(tweaks: Port("sctp", "SCTP", 9000, 30900)), DemoNodes(), [], Options()).Errors,
            e => e.Annotation == "spec.ports[1].protocol" && e.Value == "SCTP");

    [Theory]
    [InlineData(null, false)]
    [InlineData("internet", false)]
    [InlineData("intranet", true)]
    public void DisablePublicSLB_refuses_internet_load_balancers(string? addressType, bool accepted)
    {
        var service = addressType is null ? Svc() : Svc(tweaks: Annotate("address-type", addressType));

        var (desired, errors) = DesiredStateBuilder.Build(service, DemoNodes(), [], Options(disablePublic: true));

        Assert.Equal(accepted, desired is not null);
        Assert.Equal(accepted, errors.Count == 0);
    }
}
