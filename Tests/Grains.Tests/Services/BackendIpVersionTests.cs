using System.Collections.Immutable;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// <c>backend-ip-version: ipv6</c> (upstream's rule: the annotation, the <c>IPv6DualStack</c> gate and an IPv6 load
/// balancer together) makes ENI members from the IPv6 EndpointSlices; otherwise only IPv4 slices count, also for a
/// dual-stack Service, whose IPv6 pods would otherwise be looked up as IPv4 ENIs and skipped noisily.
/// </summary>
public class BackendIpVersionTests
{
    private static readonly CcmOptions Gated = Options(eni: true) with { FeatureGates = ImmutableDictionary<string, bool>.Empty.Add("IPv6DualStack", true) };

    private static V1EndpointSlice Family(string addressType, string ip) =>
        Slice("web", [(ip, "demo-node-1")], name: "slice-" + addressType).Clone(s => s.AddressType = addressType);

    private static readonly V1EndpointSlice[] DualStack = [Family("IPv4", "192.168.0.50"), Family("IPv6", "2408:4000::50")];

    [Theory]
    [InlineData("ipv6", true, "ipv6", true)]
    [InlineData("ipv6", false, "ipv6", false)]
    [InlineData("ipv6", true, "ipv4", false)]
    [InlineData("ipv4", true, "ipv6", false)]
    public void IPv6_backends_need_the_annotation_the_gate_and_an_IPv6_load_balancer(string backendVersion, bool gate, string lbVersion, bool ipv6)
    {
        var service = Svc(tweaks: [Annotate("backend-ip-version", backendVersion), Annotate("ip-version", lbVersion)]);

        var desired = Desired(service, slices: DualStack, options: gate ? Gated : Options(eni: true));

        Assert.Equal(ipv6, desired.Ipv6Backends);
        Assert.Equal(ipv6 ? "2408:4000::50" : "192.168.0.50", Assert.Single(desired.UnresolvedPodIps));
    }

    [Fact]
    public void Without_the_annotation_a_dual_stack_Service_has_IPv4_members_only() =>
        Assert.Equal(["192.168.0.50"], Desired(Svc(), slices: DualStack, options: Options(eni: true)).UnresolvedPodIps);
}
