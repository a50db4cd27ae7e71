using Ccm.Grains.Services;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

public class AnnotationTests
{
    /// <summary>Every annotation of the catalog with one value it accepts and one it refuses.</summary>
    public static TheoryData<string, string, string> Values => new()
    {
        { "address-type", "intranet", "private" },
        { "id", "lb-bp1user0001", "bp1user0001" },
        { "force-override-listeners", "true", "yes" },
        { "name", "my-clb", new string('n', 81) },
        { "resource-group-id", "rg-acfm001", "group1" },
        { "additional-resource-tags", "team=web,env", "aliyun:x=1" },
        { "delete-protection", "off", "disabled" },
        { "modification-protection", "NonProtection", "none" },
        { "instance-charge-type", "PayBySpec", "PayByTraffic" },
        { "spec", "slb.s2.small", "slb.s9.huge" },
        { "charge-type", "paybybandwidth", "monthly" },
        { "bandwidth", "50", "0" },
        { "vswitch-id", "vsw-bp1sandboxzoneh0001", "bp1sandbox" },
        { "master-zoneid", "cn-hangzhou-h", "Zone H" },
        { "slave-zoneid", "cn-hangzhou-i", "Zone I" },
        { "ip-version", "ipv6", "v6" },
        { "ip", "192.168.0.150", "192.168.0" },
        { "hostname", "web.example.com", "web_example" },
        { "preserve-lb-on-delete", "true", "" },
        { "protocol-port", "https:443,http:80", "ftp:21" },
        { "cert-id", "1234567890-cn-hangzhou", new string('c', 201) },
        { "tls-cipher-policy", "tls_cipher_policy_1_2", "tls_1_2" },
        { "http2-enabled", "on", "yes" },
        { "forward-port", "80:443", "80" },
        { "scheduler", "wrr", "random" },
        { "persistence-timeout", "3600", "3601" },
        { "established-timeout", "10", "9" },
        { "idle-timeout", "60", "61" },
        { "request-timeout", "180", "181" },
        { "connection-drain", "on", "true" },
        { "connection-drain-timeout", "900", "5" },
        { "proxy-protocol", "off", "v2" },
        { "acl-status", "on", "enabled" },
        { "acl-id", "acl-bp1acl0001", "whitelist" },
        { "acl-type", "black", "deny" },
        { "sticky-session", "on", "1" },
        { "sticky-session-type", "insert", "cookie" },
        { "cookie-timeout", "86400", "0" },
        { "cookie", "session_id", "has space" },
        { "xforwardedfor-proto", "on", "https" },
        { "xforwardedfor-slbport", "off", "80" },
        { "xforwardedfor-clientsrcport", "on", "y" },
        { "health-check-switch", "off", "no" },
        { "health-check-flag", "on", "true" },
        { "health-check-type", "http", "icmp" },
        { "health-check-uri", "/healthz", "healthz" },
        { "health-check-domain", "$_ip", "bad domain" },
        { "health-check-httpcode", "http_2xx,http_3xx", "200" },
        { "health-check-method", "get", "post" },
        { "health-check-connect-port", "-520", "70000" },
        { "healthy-threshold", "2", "1" },
        { "unhealthy-threshold", "10", "11" },
        { "health-check-interval", "50", "51" },
        { "health-check-connect-timeout", "300", "301" },
        { "health-check-timeout", "1", "0" },
        { "backend-label", "pool=web,tier=front", "pool" },
        { "service.beta.kubernetes.io/backend-type", "eni", "pod" },
        { "remove-unscheduled-backend", "on", "yes" },
        { "default-weight", "0", "101" },
        { "network-type", "classic", "basic" },
        { "external-ip-type", "eip", "public" },
        { "domain-extensions", "www.example.com:cert-1,*.example.org:cert-2", "www.example.com" },
        { "vgroup-port", "rsp-bp1a:80,rsp-bp1b:443", "rsp-bp1a:80,rsp-bp1b:80" },
        { "weight", "0", "101" },
        { "ignore-weight-update", "on", "true" },
        { "backend-ip-version", "ipv6", "dualstack" },
    };

    [Fact]
    public void The_table_covers_every_annotation_of_the_catalog()
    {
        var tested = Values.Select(row => (string)row[0]).ToHashSet();
        var untested = AnnotationCatalog.All.Where(spec => !tested.Contains(spec.Key)).Select(spec => spec.Name).ToList();
        Assert.True(untested.Count == 0, "annotations without a test row: " + string.Join(", ", untested));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_valid_value_is_read(string annotation, string valid, string invalid)
    {
        _ = invalid;
        var (annotations, errors) = ServiceAnnotations.Parse(Svc(tweaks: Annotate(annotation, valid)));

        Assert.Empty(errors);
        Assert.Equal(valid, annotations.Get(AnnotationCatalog.All.Single(s => s.Key == annotation)));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void An_invalid_value_is_refused_naming_the_annotation_the_value_and_what_is_allowed(string annotation, string valid, string invalid)
    {
        _ = valid;
        if (invalid.Length == 0)
        {
            // An empty value reads as unset (upstream's `!= ""`), so there is nothing to refuse.
            Assert.Empty(ServiceAnnotations.Parse(Svc(tweaks: Annotate(annotation, invalid))).Errors);
            return;
        }

        var spec = AnnotationCatalog.All.Single(s => s.Key == annotation);
        var (annotations, errors) = ServiceAnnotations.Parse(Svc(tweaks: Annotate(annotation, invalid)));

        var error = Assert.Single(errors);
        Assert.Equal(spec.Name, error.Annotation);
        Assert.Equal(invalid, error.Value);
        Assert.Contains(spec.Allowed, error.Message, StringComparison.Ordinal);
        Assert.Contains(invalid, error.Message, StringComparison.Ordinal);
        Assert.False(annotations.IsSet(spec));
    }

    [Fact]
    public void The_current_prefix_wins_over_the_legacy_one()
    {
        var service = Svc(tweaks:
        [
            s => s with { Metadata = s.Metadata with { Annotations = new Dictionary<string, string>
            {
                [ServicePredicates.LegacyAnnotationPrefix + "scheduler"] = "wlc",
                [ServicePredicates.AnnotationPrefix + "scheduler"] = "wrr",
                [ServicePredicates.LegacyAnnotationPrefix + "address-type"] = "intranet",
            } } },
        ]);

        var (annotations, errors) = ServiceAnnotations.Parse(service);

        Assert.Empty(errors);
        Assert.Equal("wrr", annotations.Get(AnnotationCatalog.Scheduler));
        Assert.Equal("intranet", annotations.Get(AnnotationCatalog.AddressType));
    }

    [Fact]
    public void A_bad_legacy_value_is_reported_under_its_legacy_name()
    {
        var service = Svc(tweaks: s => s with { Metadata = s.Metadata with { Annotations = new Dictionary<string, string> { [ServicePredicates.LegacyAnnotationPrefix + "scheduler"] = "x" } } });

        var error = Assert.Single(ServiceAnnotations.Parse(service).Errors);

        Assert.Equal(ServicePredicates.LegacyAnnotationPrefix + "scheduler", error.Annotation);
    }

    [Fact]
    public void Every_invalid_annotation_is_reported_at_once()
    {
        var service = Svc(tweaks: [Annotate("scheduler", "x"), Annotate("bandwidth", "-3"), Annotate("address-type", "public")]);

        Assert.Equal(3, ServiceAnnotations.Parse(service).Errors.Count);
    }
}
