using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

public class NodeEligibilityTests
{
    public static TheoryData<string, V1Node, string?, string?> Rules => new()
    {
        { "a Ready node with an instance", DemoNode(0), null, null },
        { "exclude-from-external-load-balancers", DemoNode(0, Label("node.kubernetes.io/exclude-from-external-load-balancers")), null, "excluded by label" },
        { "alpha exclude-balancer", DemoNode(0, Label("alpha.service-controller.kubernetes.io/exclude-balancer", "true")), null, "excluded by label" },
        { "service.beta exclude-node", DemoNode(0, Label("service.beta.kubernetes.io/exclude-node", "true")), null, "excluded by label" },
        { "alibabacloud exclude-node", DemoNode(0, Label("service.alibabacloud.com/exclude-node", "true")), null, "excluded by label" },
        { "master role", DemoNode(0, Label("node-role.kubernetes.io/master")), null, "control-plane node" },
        { "control-plane role", DemoNode(0, Label("node-role.kubernetes.io/control-plane")), null, "control-plane node" },
        { "autoscaler deleting it", DemoNode(0, Taint("ToBeDeletedByClusterAutoscaler")), null, "being deleted by the cluster autoscaler" },
        { "not Ready", DemoNode(0, NotReady), null, "not Ready" },
        { "no conditions yet", DemoNode(0, n => n.Clone(c => c.Status = new V1NodeStatus())), null, "not Ready" },
        { "cordoned, remove-unscheduled-backend off", DemoNode(0, Cordoned), null, null },
        { "cordoned, remove-unscheduled-backend on", DemoNode(0, Cordoned), "remove-unscheduled-backend=on", "unschedulable with remove-unscheduled-backend: on" },
        { "backend-label matches", DemoNode(0, Label("pool", "web")), "backend-label=pool=web", null },
        { "backend-label does not match", DemoNode(0, Label("pool", "db")), "backend-label=pool=web", "not selected by backend-label" },
        { "backend-label needs every pair", DemoNode(0, Label("pool", "web")), "backend-label=pool=web,tier=front", "not selected by backend-label" },
        { "hybrid node", DemoNode(0, ProviderId("ack-hybrid://idc-1")), null, "hybrid node (ack-hybrid://)" },
        { "uninitialized, no providerID yet", DemoNode(0, ProviderId(null), Taint(NodeEligibility.UninitializedTaint)), null, "no instance id yet (providerID unset)" },
        { "virtual-kubelet", VirtualNode(), null, "virtual-kubelet node (its pods are ENI backends)" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_node_is_a_backend_candidate_unless_a_rule_excludes_it(string because, V1Node node, string? annotation, string? reason)
    {
        var service = annotation is null ? Svc() : Svc(tweaks: Annotate(annotation[..annotation.IndexOf('=')], annotation[(annotation.IndexOf('=') + 1)..]));
        var (annotations, _) = ServiceAnnotations.Parse(service);

        Assert.True(reason == NodeEligibility.ExclusionReason(node, annotations), because);
    }

    [Theory]
    [InlineData("cn-hangzhou.i-bp1abc", "i-bp1abc")]
    [InlineData("alicloud://cn-hangzhou.i-bp1abc", "i-bp1abc")]
    [InlineData("i-bp1abc", "i-bp1abc")]
    [InlineData("ack-hybrid://idc.node1", null)]
    [InlineData("aws:///us-east-1a/i-0abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_instance_id_comes_from_providerID(string? providerId, string? instanceId) =>
        Assert.Equal(instanceId, NodeEligibility.InstanceId(DemoNode(0, ProviderId(providerId))));
}
