using Ccm.Grains.Nodes;
using k8s.Models;
using static Ccm.Grains.Tests.Nodes.TestNodes;

namespace Ccm.Grains.Tests.Nodes;

/// <summary>Every reason the controller refuses to write has its own Warning text, which names what is wrong.</summary>
public sealed class NodeWarningTests
{
    private static readonly NodePlanContext Context = new(Region, Vpc);

    public static TheoryData<string, V1Node, InstanceLookup?, NodePlanContext, string, string, bool> Warnings => new()
    {
        {
            "malformed providerID", New().ProviderId("i-bp1node1"), null, Context, "InvalidProviderID",
            "spec.providerID \"i-bp1node1\" is not an Alibaba Cloud provider ID: expected \"<region>.<instance-id>\", optionally " +
            "prefixed \"alicloud://\" (e.g. cn-hangzhou.i-bp1abc); the node is left alone", true
        },
        {
            "providerID of another cloud", New().ProviderId("aws:///us-east-1a/i-0abc"), null, Context, "InvalidProviderID",
            "spec.providerID \"aws:///us-east-1a/i-0abc\" is not an Alibaba Cloud provider ID: expected \"<region>.<instance-id>\", optionally " +
            "prefixed \"alicloud://\" (e.g. cn-hangzhou.i-bp1abc); the node is left alone", true
        },
        {
            "providerID in another region", New().ProviderId("cn-beijing.i-2zeabc"), null, Context, "ProviderIDRegionMismatch",
            "spec.providerID \"cn-beijing.i-2zeabc\" names region cn-beijing, but this cloud controller manages region cn-hangzhou; " +
            "the node is left alone", true
        },
        {
            "no InternalIP to look up", New().Addresses(("Hostname", "node-1")), null, Context, "NodeInternalIPMissing",
            "the node has no spec.providerID and no IPv4 InternalIP address to find its ECS instance by; " +
            "start the kubelet with --node-ip or --provider-id", true
        },
        {
            "unknown IP", New(), InstanceLookup.None, Context, "InstanceNotFoundByIP",
            "no ECS instance in VPC vpc-test has private IP 192.168.0.11; spec.providerID is not set", false
        },
        {
            "ambiguous IP", New(), Found(Instance("i-b"), Instance("i-a")), Context, "AmbiguousInstanceIP",
            "ECS instances i-a, i-b in VPC vpc-test all have private IP 192.168.0.11; spec.providerID is not set", false
        },
        {
            "instance already another node's", New(), Found(Instance()), Context with { NodeWithInstance = "old-node" }, "InstanceAlreadyMapped",
            "ECS instance i-bp1node1 with private IP 192.168.0.11 is already the spec.providerID of node old-node; spec.providerID is not set", false
        },
        {
            "provided-node-ip the instance does not have", Initialized().Annotation(NodeLabels.ProvidedNodeIpAnnotation, "10.0.0.5"),
            Found(Instance()), Context, "ProvidedNodeIPNotFound",
            "ECS instance i-bp1node1 has no address 10.0.0.5 named by annotation alpha.kubernetes.io/provided-node-ip; " +
            "the node is not initialised and its addresses are not changed", false
        },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void A_node_that_cannot_be_mapped_gets_a_warning_and_no_write(
        string rule, V1Node node, InstanceLookup? lookup, NodePlanContext context, string reason, string message, bool terminal)
    {
        var plan = NodePlanner.Plan(node, lookup, context);

        var warning = Assert.IsType<WarnNode>(Assert.Single(plan.Operations)).Warning;
        Assert.True((reason, message, terminal) == (warning.Reason, warning.Message, warning.Terminal), $"{rule}: {warning}");
        Assert.Equal(warning, plan.Warning);
    }

    [Fact]
    public void Ambiguous_unknown_and_malformed_have_texts_of_their_own()
    {
        var texts = new[]
        {
            NodePlanner.Plan(New(), Found(Instance("i-a"), Instance("i-b")), Context).Warning!,
            NodePlanner.Plan(New(), InstanceLookup.None, Context).Warning!,
            NodePlanner.Plan(New().ProviderId("cn-hangzhou"), null, Context).Warning!,
        };

        Assert.Equal(3, texts.Select(w => w.Reason).Distinct().Count());
        Assert.Equal(3, texts.Select(w => w.Message).Distinct().Count());
        Assert.All(texts.Take(2), w => Assert.Contains("192.168.0.11", w.Message, StringComparison.Ordinal));
        Assert.Contains("\"cn-hangzhou\"", texts[2].Message, StringComparison.Ordinal);
    }
}
