using System.Collections.Immutable;
using Ccm.CloudClients.Slb;
using Ccm.Grains.Services;
using k8s.Models;
using static Ccm.Grains.Tests.Services.CloudStates;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary><c>domain-extensions</c>: each HTTPS listener's SNI domains are made to match the annotation.</summary>
public class DomainExtensionPlannerTests
{
    private const string Wanted = "a.example.com:cert-a,b.example.com:cert-b";

    private static V1Service Https(string? domains) => Svc(tweaks:
    [
        Annotate("protocol-port", "https:80"), Annotate("cert-id", "cert-1"), .. domains is null ? Array.Empty<Func<V1Service, V1Service>>() : [Annotate("domain-extensions", domains)],
    ]);

    private static ActualLoadBalancer Found(params (string Id, string Domain, string Certificate)[] extensions) =>
        Lb([Listener(80, Key(80), "rsp-1", protocol: "https", config: new ListenerConfig { HealthCheck = "off", StickySession = "off", ServerCertificateId = "cert-1" })],
            [Group("rsp-1", Key(30080), Node(0), Node(1), Node(2))])
        with
        {
            DomainExtensions = ImmutableDictionary<int, ImmutableArray<DomainExtension>>.Empty.Add(80,
                [.. extensions.Select(e => new DomainExtension { DomainExtensionId = e.Id, Domain = e.Domain, ServerCertificateId = e.Certificate })]),
        };

    private static IReadOnlyList<string> Plan(string? domains, ActualLoadBalancer actual) =>
        Render(ServicePlanner.Plan(Desired(Https(domains)), actual, new PlanOptions()).Operations);

    [Fact]
    public void Missing_domains_are_added()
    {
        Assert.Equal(
        [
            $"CreateDomainExtension {LbId}:https/80: a.example.com=cert-a",
            $"CreateDomainExtension {LbId}:https/80: b.example.com=cert-b",
        ], Plan(Wanted, Found()));
    }

    [Fact]
    public void A_domain_with_another_certificate_gets_the_annotated_one() =>
        Assert.Equal([$"SetDomainExtensionAttribute {LbId}:https/80: b.example.com=cert-b (de-2)"],
            Plan(Wanted, Found(("de-1", "a.example.com", "cert-a"), ("de-2", "b.example.com", "cert-old"))));

    [Fact]
    public void A_domain_the_annotation_no_longer_names_is_deleted_and_case_does_not_matter() =>
        Assert.Equal([$"DeleteDomainExtension {LbId}:https/80: c.example.com (de-3)"],
            Plan(Wanted, Found(("de-1", "A.Example.com", "cert-a"), ("de-2", "b.example.com", "cert-b"), ("de-3", "c.example.com", "cert-c"))));

    [Fact]
    public void Without_the_annotation_the_domains_are_left_as_they_are() =>
        Assert.Empty(Plan(null, Found(("de-3", "c.example.com", "cert-c"))));
}
