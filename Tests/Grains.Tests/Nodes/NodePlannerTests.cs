using Ccm.CloudClients.Ecs;
using Ccm.Grains.Nodes;
using k8s;
using k8s.Models;
using static Ccm.Grains.Tests.Nodes.TestNodes;

namespace Ccm.Grains.Tests.Nodes;

public sealed class NodePlannerTests
{
    private const string AllLabels =
        "PatchLabels beta.kubernetes.io/instance-type=ecs.g7.large, failure-domain.beta.kubernetes.io/region=cn-hangzhou, " +
        "failure-domain.beta.kubernetes.io/zone=cn-hangzhou-h, node.kubernetes.io/instance-type=ecs.g7.large, " +
        "topology.kubernetes.io/region=cn-hangzhou, topology.kubernetes.io/zone=cn-hangzhou-h";

    private static readonly NodePlanContext Context = new(Region, Vpc);

    public static TheoryData<string, V1Node, InstanceLookup?, string[]> Rules => new()
    {
        {
            "a new node found by its IP gets providerID, labels, then loses the uninitialized taint",
            New(), Found(Instance()),
            ["SetProviderID cn-hangzhou.i-bp1node1", AllLabels, "RemoveTaint node.cloudprovider.kubernetes.io/uninitialized"]
        },
        { "an initialised node in step with its instance needs nothing", Initialized(), Found(Instance()), [] },
        {
            "a kubelet-set providerID with the alicloud:// prefix is accepted as is",
            New().ProviderId("alicloud://cn-hangzhou.i-bp1node1"), Found(Instance()),
            [AllLabels, "RemoveTaint node.cloudprovider.kubernetes.io/uninitialized"]
        },
        {
            "only the labels that differ are patched; others are untouched",
            Initialized().Label(NodeLabels.Zone, "cn-hangzhou-x").Label("team", "a"), Found(Instance()),
            ["PatchLabels topology.kubernetes.io/zone=cn-hangzhou-h"]
        },
        {
            "addresses come from the instance: private IPs, public IP and EIP; the kubelet's Hostname is kept",
            Initialized(), Found(Instance() with { PublicIpAddress = ["47.1.1.1"], EipAddress = new InstanceEipAddress { IpAddress = "47.2.2.2" } }),
            ["PatchAddresses InternalIP=192.168.0.11, ExternalIP=47.1.1.1, ExternalIP=47.2.2.2, Hostname=node-1"]
        },
        {
            "a stale InternalIP is replaced",
            Initialized().Addresses(("InternalIP", "10.9.9.9"), ("Hostname", "node-1")), Found(Instance()),
            ["PatchAddresses InternalIP=192.168.0.11, Hostname=node-1"]
        },
        {
            "addresses in another order are not rewritten",
            Initialized().Addresses(("Hostname", "node-1"), ("InternalIP", Ip)), Found(Instance()), []
        },
        {
            "provided-node-ip keeps only that InternalIP",
            Initialized().Annotation(NodeLabels.ProvidedNodeIpAnnotation, "192.168.0.12"), Found(Instance() with
            {
                VpcAttributes = new VpcAttributes { PrivateIpAddress = [Ip, "192.168.0.12"] },
            }),
            ["PatchAddresses InternalIP=192.168.0.12, Hostname=node-1"]
        },
        {
            "an instance that is gone, with Ready Unknown, means deleting the Node by uid and version",
            Initialized().Ready("Unknown"), InstanceLookup.None,
            ["DeleteNode ECS instance i-bp1node1 does not exist and the Node's Ready condition is Unknown"]
        },
        {
            "an instance that is gone, with no Ready condition at all, means deleting the Node",
            Initialized().Ready(null), InstanceLookup.None,
            ["DeleteNode ECS instance i-bp1node1 does not exist and the Node's Ready condition is missing"]
        },
        { "an instance that is gone keeps a Node whose kubelet reports Ready", Initialized(), InstanceLookup.None, [] },
        { "an instance that is gone keeps a Node whose kubelet reports NotReady (False)", Initialized().Ready("False"), InstanceLookup.None, [] },
        {
            "a stopped instance of a NotReady node: the shutdown taint is added, other taints kept",
            Initialized().Ready("False").Taints(Dedicated), Found(Instance(status: "Stopped")),
            ["AddTaint node.cloudprovider.kubernetes.io/shutdown:NoSchedule"]
        },
        {
            "a stopped instance whose Node is Unknown gets the shutdown taint and is not deleted",
            Initialized().Ready("Unknown"), Found(Instance(status: "Stopped")),
            ["AddTaint node.cloudprovider.kubernetes.io/shutdown:NoSchedule"]
        },
        { "a stopped instance of a Ready node: no shutdown taint", Initialized(), Found(Instance(status: "Stopped")), [] },
        { "the shutdown taint stays while the node is NotReady, even once the instance runs", Initialized().Ready("False").Taints(Shutdown), Found(Instance()), [] },
        {
            "a Ready node loses the shutdown taint",
            Initialized().Taints(Shutdown, Dedicated), Found(Instance()),
            ["RemoveTaint node.cloudprovider.kubernetes.io/shutdown"]
        },
        {
            "a stopped, uninitialized, NotReady node: initialised first, then tainted",
            New().ProviderId("cn-hangzhou.i-bp1node1").Labels(Labels(Instance())).Ready("False"), Found(Instance(status: "Stopped")),
            ["RemoveTaint node.cloudprovider.kubernetes.io/uninitialized", "AddTaint node.cloudprovider.kubernetes.io/shutdown:NoSchedule"]
        },
        {
            "a new node's primary ENI loses its source/destination check right before the uninitialized taint goes",
            New(), Found(WithPrimaryEni(Instance())) with { SourceDestCheck = new Dictionary<string, bool> { [Eni] = true } },
            ["SetProviderID cn-hangzhou.i-bp1node1", AllLabels, $"DisableSourceDestCheck {Eni}", "RemoveTaint node.cloudprovider.kubernetes.io/uninitialized"]
        },
        {
            "an ENI whose check is off already costs no write",
            New().ProviderId("cn-hangzhou.i-bp1node1").Labels(Labels(Instance())), Found(WithPrimaryEni(Instance())) with { SourceDestCheck = new Dictionary<string, bool> { [Eni] = false } },
            ["RemoveTaint node.cloudprovider.kubernetes.io/uninitialized"]
        },
        {
            "an ENI whose check was not read is left alone",
            New().ProviderId("cn-hangzhou.i-bp1node1").Labels(Labels(Instance())), Found(WithPrimaryEni(Instance())),
            ["RemoveTaint node.cloudprovider.kubernetes.io/uninitialized"]
        },
        {
            "an initialised node's ENI is never touched",
            Initialized(), Found(WithPrimaryEni(Instance())) with { SourceDestCheck = new Dictionary<string, bool> { [Eni] = true } }, []
        },
        {
            "upstream's charge type, spot strategy and node pool labels come from the instance and its tag",
            Initialized(), Found(Instance() with
            {
                InstanceChargeType = "PrePaid", SpotStrategy = "SpotAsPriceGo", Tags = [new CloudClients.Tag(CloudClients.Ecs.Instance.NodePoolIdTagKey, "np-42"), new CloudClients.Tag("team", "a")],
            }),
            ["PatchLabels node.alibabacloud.com/instance-charge-type=PrePaid, node.alibabacloud.com/nodepool-id=np-42, node.alibabacloud.com/spot-strategy=SpotAsPriceGo"]
        },
        {
            "an instance without a node pool tag adds no node pool label and removes none a user set",
            Initialized().Label(NodeLabels.NodePoolId, "np-user"), Found(Instance() with { InstanceChargeType = "PostPaid" }),
            ["PatchLabels node.alibabacloud.com/instance-charge-type=PostPaid"]
        },
        { "a Node being deleted is left to its deletion", New().Deleting(), Found(Instance()), [] },
        { "a virtual-kubelet node is skipped", New().Label("type", "virtual-kubelet"), null, [] },
        { "a node excluded by the service.beta label is skipped", New().Label("service.beta.kubernetes.io/exclude-node", "true"), null, [] },
        { "a node excluded by the alibabacloud label is skipped", New().Label("service.alibabacloud.com/exclude-node", ""), null, [] },
        { "a hybrid node is skipped", New().ProviderId("ack-hybrid://cn-hangzhou.m-1"), null, [] },
        { "a LingJun node is skipped: DescribeInstances could never find it", Initialized().Label("alibabacloud.com/lingjun-worker", "true"), null, [] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Plans_follow_the_rules(string rule, V1Node node, InstanceLookup? lookup, string[] expected)
    {
        var plan = NodePlanner.Plan(node, lookup, Context);

        Assert.True(expected.SequenceEqual(plan.Lines()), $"{rule}:\nexpected {string.Join(" | ", expected)}\nactual   {string.Join(" | ", plan.Lines())}");
    }

    [Fact]
    public void With_skip_disable_source_dest_check_the_ENI_is_left_as_it_is()
    {
        var lookup = Found(WithPrimaryEni(Instance())) with { SourceDestCheck = new Dictionary<string, bool> { [Eni] = true } };

        var plan = NodePlanner.Plan(New(), lookup, Context with { DisableSourceDestCheck = false });

        Assert.DoesNotContain(plan.Operations, o => o is DisableSourceDestCheck);
        Assert.IsType<RemoveTaint>(plan.Operations[^1]);
    }

    [Theory]
    [InlineData("type", "virtual-kubelet", "virtual-kubelet node (label type=virtual-kubelet): no ECS instance behind it")]
    [InlineData("service.beta.kubernetes.io/exclude-node", "true", "excluded by label service.beta.kubernetes.io/exclude-node")]
    [InlineData("service.alibabacloud.com/exclude-node", "x", "excluded by label service.alibabacloud.com/exclude-node")]
    public void Skipped_nodes_say_why(string label, string value, string reason)
    {
        var plan = NodePlanner.Plan(New().Label(label, value), null, Context);

        Assert.Equal(new NodeIdentity.Skipped(reason), plan.Identity);
        Assert.Equal(reason, plan.Reason);
    }

    [Fact]
    public void The_delete_carries_the_uid_and_version_the_plan_was_made_from()
    {
        var plan = NodePlanner.Plan(Initialized().Ready("Unknown"), InstanceLookup.None, Context);

        var delete = Assert.IsType<DeleteNode>(Assert.Single(plan.Operations));
        Assert.Equal(("uid-node-1", "7"), (delete.Uid, delete.ResourceVersion));
    }

    [Fact]
    public void The_shutdown_taint_is_NoSchedule_without_a_value()
    {
        var plan = NodePlanner.Plan(Initialized().Ready("False"), Found(Instance(status: "Stopped")), Context);

        var add = Assert.IsType<AddTaint>(Assert.Single(plan.Operations));
        Assert.Equal(KubernetesJson.Serialize(new V1Taint { Key = "node.cloudprovider.kubernetes.io/shutdown", Effect = "NoSchedule" }), KubernetesJson.Serialize(add.Taint));
    }
}
