using Ccm.Grains.Routes;
using k8s.Models;
using static Ccm.Grains.Tests.Routes.Support.RouteFixtures;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteEligibilityTests
{
    public static TheoryData<string, V1Node, string?> Skips => new()
    {
        { "an ordinary node", Node(1), null },
        { "being deleted", Node(1, Deleting), "being deleted" },
        { "Ready Unknown", Node(1, Ready("Unknown")), "Ready is Unknown (its kubelet stopped reporting): an existing route is kept, no new one is made" },
        { "Ready False (NotReady, still reporting)", Node(1, Ready("False")), null },
        { "Ready True", Node(1, Ready("True")), null },
        { "exclude-node (beta)", Node(1, Label("service.beta.kubernetes.io/exclude-node")), "excluded by label" },
        { "exclude-node (alibabacloud)", Node(1, Label("service.alibabacloud.com/exclude-node", "true")), "excluded by label" },
        { "virtual-kubelet", Node(1, Label("type", "virtual-kubelet")), "virtual-kubelet node (no ECS instance)" },
        { "another type label", Node(1, Label("type", "worker")), null },
        { "hybrid", Node(1, ProviderId("ack-hybrid://cn-hangzhou.i-1")), "hybrid node (ack-hybrid://): not an ECS instance" },
        { "no providerID", Node(1, ProviderId(null)), "no providerID yet" },
        { "a bare instance id", Node(1, ProviderId("i-1")), "providerID is not <region>.<instance-id>" },
        { "no pod CIDR", Node(1, OnlyPodCidr(null)), "no IPv4 pod CIDR" },
        { "IPv6 only", Node(1, PodCidrs("fd00:20::/64")), "no IPv4 pod CIDR" },
        { "host bits set", Node(1, PodCidrs("172.20.1.1/24")), "no IPv4 pod CIDR" },
    };

    [Theory]
    [MemberData(nameof(Skips))]
    public void A_node_gets_a_route_unless_a_rule_says_why_not(string because, V1Node node, string? reason)
    {
        Assert.True(reason == RouteEligibility.SkipReason(node), because);
        Assert.Equal(reason is null, RouteEligibility.RouteOf(node) is not null);
    }

    [Theory]
    [InlineData("cn-hangzhou.i-7", "i-7")]
    [InlineData("alicloud://cn-hangzhou.i-7", "i-7")]
    public void The_next_hop_is_the_instance_of_the_providerID(string providerId, string instance) =>
        Assert.Equal(instance, RouteEligibility.RouteOf(Node(1, ProviderId(providerId)))!.InstanceId);

    [Fact]
    public void The_first_IPv4_pod_CIDR_is_routed_and_IPv6_is_ignored() =>
        Assert.Equal("172.20.9.0/24", RouteEligibility.RouteOf(Node(1, PodCidrs("fd00:20::/64", "172.20.9.0/24", "172.20.10.0/24")))!.DestinationCidrBlock);

    [Fact]
    public void Without_podCIDRs_the_single_podCIDR_is_used() =>
        Assert.Equal("172.20.3.0/24", RouteEligibility.RouteOf(Node(1, OnlyPodCidr("172.20.3.0/24")))!.DestinationCidrBlock);

    [Fact]
    public void Two_nodes_claiming_one_pod_CIDR_get_no_route_and_their_CIDR_stays_live()
    {
        var set = RouteNodeSet.From([Node(1), Node(2, PodCidrs("172.20.1.0/24")), Node(3)]);
        Assert.Equal([Route(3)], set.Desired);
        Assert.Equal("pod CIDR 172.20.1.0/24 is also claimed by node node-2", set.Skipped["node-1"]);
        Assert.True(set.Live.Claims("172.20.1.0/24", null));
    }

    [Fact]
    public void Every_node_counts_as_live_even_when_it_gets_no_route()
    {
        var set = RouteNodeSet.From([Node(1, Label("service.beta.kubernetes.io/exclude-node")), Node(2, ProviderId("i-2")), Node(4, Deleting)]);
        Assert.Empty(set.Desired);
        Assert.True(set.Live.Claims("172.20.1.0/24", null));
        Assert.True(set.Live.Claims("10.0.0.0/24", "i-2"));
        Assert.True(set.Live.Claims("172.20.4.0/24", "i-4"));
        Assert.False(set.Live.Claims("172.20.5.0/24", "i-5"));
    }
}
