using Ccm.Grains.Services;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>Annotations that do nothing are named once: unknown ones with the closest known name, known ones missing a companion.</summary>
public class AnnotationNoticesTests
{
    private static IReadOnlyList<AnnotationNotice> Notices(V1Service service, string addressType = "internet", CcmOptions? options = null) =>
        AnnotationNotices.Of(service, Desired(service), addressType, options ?? Options());

    [Theory]
    [InlineData("persistence-time", "persistence-timeout")]
    [InlineData("slb-network-type", "network-type")]
    [InlineData("healthcheck-uri", "health-check-uri")]
    [InlineData("schedular", "scheduler")]
    public void An_unknown_annotation_is_named_with_the_closest_known_one(string typo, string closest)
    {
        var notice = Assert.Single(Notices(Svc(tweaks: Annotate(typo, "x"))));

        Assert.Equal(AnnotationNotices.UnknownReason, notice.Reason);
        Assert.StartsWith(ServicePredicates.AnnotationPrefix + typo + " is not an annotation", notice.Message, StringComparison.Ordinal);
        Assert.EndsWith("the closest known one is " + ServicePredicates.AnnotationPrefix + closest, notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legacy_prefix_is_checked_too_and_named_in_its_own_spelling()
    {
        var notice = Assert.Single(Notices(Svc(tweaks: Annotate(ServicePredicates.LegacyAnnotationPrefix + "schedular", "wrr"))));

        Assert.EndsWith(ServicePredicates.LegacyAnnotationPrefix + "scheduler", notice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zone-maps")]
    [InlineData("type")]
    [InlineData("scheduler")]
    public void Known_names_are_not_notices_even_the_NLB_ones(string known) =>
        Assert.Empty(Notices(Svc(tweaks: Annotate(known, known == "scheduler" ? "wrr" : "x"))));

    [Fact]
    public void Other_annotations_are_not_ours_to_judge() =>
        Assert.Empty(Notices(Svc(tweaks: [Annotate("example.com/anything", "x"), Annotate("service.beta.kubernetes.io/other-thing", "x")])));

    /// <summary>annotations (k=v;k=v), the address type, the annotation the notice names.</summary>
    [Theory]
    [InlineData("vgroup-port=rsp-1:80", "internet", "vgroup-port")]
    [InlineData("weight=50", "internet", "weight")]
    [InlineData("id=lb-bp1user0001;weight=50", "internet", "weight")]
    [InlineData("backend-ip-version=ipv6;ip-version=ipv6", "internet", "backend-ip-version")]
    [InlineData("external-ip-type=eip", "internet", "external-ip-type")]
    [InlineData("network-type=classic;vswitch-id=vsw-bp1a;address-type=intranet", "intranet", "vswitch-id")]
    [InlineData("domain-extensions=a.example.com:cert-a", "internet", "domain-extensions")]
    public void A_known_annotation_that_does_nothing_here_is_named(string annotations, string addressType, string named)
    {
        var tweaks = annotations.Split(';').Select(e => Annotate(e[..e.IndexOf('=')], e[(e.IndexOf('=') + 1)..])).ToArray();

        var notice = Assert.Single(Notices(Svc(tweaks: tweaks), addressType));

        Assert.Equal(AnnotationNotices.IgnoredReason, notice.Reason);
        Assert.StartsWith(ServicePredicates.AnnotationPrefix + named + " is ignored", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IPv6_backends_with_the_gate_and_an_IPv6_load_balancer_are_no_notice()
    {
        var options = Options() with { FeatureGates = System.Collections.Immutable.ImmutableDictionary<string, bool>.Empty.Add("IPv6DualStack", true) };
        var service = Svc(tweaks: [Annotate("backend-ip-version", "ipv6"), Annotate("ip-version", "ipv6")]);

        Assert.Empty(AnnotationNotices.Of(service, Desired(service, options: options), "internet", options));
    }
}
