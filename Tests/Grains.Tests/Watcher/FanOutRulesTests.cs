using Ccm.GrainInterfaces;
using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Grains.Watcher;
using k8s.Models;
using static Ccm.Grains.Tests.Watcher.Objects;

namespace Ccm.Grains.Tests.Watcher;

/// <summary>Who the watcher wakes for each kind of change: every rule, one row at a time.</summary>
public sealed class FanOutRulesTests
{
    private static readonly string[] Tables = ["vtb-1", "vtb-2"];

    public static TheoryData<string, V1Service?, V1Service?, string[]> ServiceCases => new()
    {
        { "a new LoadBalancer Service", null, Service(), ["Service/default/web"] },
        { "a new ClusterIP Service", null, Service(type: "ClusterIP"), [] },
        { "a deleted LoadBalancer Service", Service(), null, ["Service/default/web"] },
        { "an annotation changed", Service(), Service().WithAnnotation("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec", "slb.s2.small"), ["Service/default/web"] },
        { "retyped to ClusterIP: the grain cleans up", Service(finalizer: true), Service(type: "ClusterIP", finalizer: true), ["Service/default/web"] },
        { "retyped from ClusterIP to LoadBalancer", Service(type: "ClusterIP"), Service(), ["Service/default/web"] },
        { "only the resourceVersion moved", Service(), Service().Bumped(), [] },
        { "only the status changed (our own write)", Service(), Service().Clone(s => s.Status = new V1ServiceStatus()), [] },
        { "a ClusterIP Service's spec changed", Service(type: "ClusterIP"), Service(type: "ClusterIP", etp: "Local"), [] },
        { "only our own finalizer was added (our own write)", Service(), Service(finalizer: true), [] },
        { "another controller's finalizer was added", Service(), Service().Clone(s => s.Metadata.Finalizers = ["example.com/protect"]), ["Service/default/web"] },
        { "only upstream's id and hash labels were set (our own write)", Service(), Service().Clone(s => s.Metadata.Labels = new Dictionary<string, string>
            { [ServiceLabels.LoadBalancerId] = "lb-1", [ServiceLabels.Hash] = "0123abcd" }), [] },
        { "a user's label was set", Service(), Service().Clone(s => s.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a" }), ["Service/default/web"] },
        { "deletion began", Service(finalizer: true), Service(finalizer: true).Clone(s => s.Metadata.DeletionTimestamp = DateTime.UnixEpoch), ["Service/default/web"] },
    };

    [Theory]
    [MemberData(nameof(ServiceCases))]
    public void A_Service_change_wakes_its_grain_only_when_it_is_ours_and_something_it_reads_changed(
        string because, V1Service? old, V1Service? @new, string[] expected) =>
        Assert.True(expected.SequenceEqual(FanOutRules.ForService(old, @new).Select(s => s.ToString())), because);

    public static TheoryData<string, V1EndpointSlice?, V1EndpointSlice?, string[]> SliceCases => new()
    {
        { "a slice of a LoadBalancer Service appeared", null, Slice("web", "10.0.0.1"), ["Service/default/web"] },
        { "an endpoint was added", Slice("web", "10.0.0.1"), Slice("web", "10.0.0.1", "10.0.0.2"), ["Service/default/web"] },
        { "the slice was deleted", Slice("web", "10.0.0.1"), null, ["Service/default/web"] },
        { "a slice of a ClusterIP Service", null, Slice("internal", "10.0.0.3"), [] },
        { "a slice of a Service not in the cache", null, Slice("unknown", "10.0.0.4"), [] },
        { "only the slice's resourceVersion moved", Slice("web", "10.0.0.1"), Slice("web", "10.0.0.1").Clone(s => s.Metadata.ResourceVersion = "9"), [] },
        { "the slice moved from one LoadBalancer Service to another", Slice("web", "10.0.0.1"), Slice("api", "10.0.0.1"), ["Service/default/web", "Service/default/api"] },
    };

    [Theory]
    [MemberData(nameof(SliceCases))]
    public void An_EndpointSlice_change_wakes_the_grain_of_its_Service_when_that_Service_is_ours(
        string because, V1EndpointSlice? old, V1EndpointSlice? @new, string[] expected)
    {
        var services = new[] { Service("web"), Service("api"), Service("internal", type: "ClusterIP") }.ToDictionary(s => s.Metadata.Name!);
        var signals = FanOutRules.ForEndpointSlice(old, @new, (ns, name) => ns == "default" ? services.GetValueOrDefault(name) : null);
        Assert.True(expected.SequenceEqual(signals.Select(s => s.ToString())), because);
    }

    public static TheoryData<string, V1Node?, V1Node?, string[]> NodeCases => new()
    {
        { "a new node", null, Node(), ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "a deleted node", Node(), null, ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "only a heartbeat", Node(), Node().WithReady("True", DateTimeOffset.UnixEpoch.AddMinutes(5)), [] },
        { "only the resourceVersion", Node(), Node().Clone(n => n.Metadata.ResourceVersion = "2"), [] },
        { "the pod CIDR was assigned", Node().WithSpec(s => { s.PodCIDR = null; s.PodCIDRs = null; }), Node(), ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2"] },
        { "the providerID was set", Node().WithSpec(s => s.ProviderID = null), Node(), ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "became NotReady", Node(), Node().WithReady("False"), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "became Unknown (routes drop it too)", Node(), Node().WithReady("Unknown"), ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "cordoned", Node(), Node().WithSpec(s => s.Unschedulable = true), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "a taint", Node(), Node().WithSpec(s => s.Taints = [new V1Taint { Key = "ToBeDeletedByClusterAutoscaler", Effect = "NoSchedule" }]), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "an ordinary label (the node controller's zone and instance-type labels are such)", Node(), Node().WithLabel("team", "a"), ["Node/node-1"] },
        { "the label a Service's backend-label selects by", Node(), Node().WithLabel("pool", "b"), ["Node/node-1", "Service/default/selects-nodes"] },
        { "a control-plane role label", Node(), Node().WithLabel("node-role.kubernetes.io/control-plane", ""), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "an ordinary label and Ready together", Node(), Node().WithLabel("team", "a").WithReady("False"), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "excluded from load balancers and routes", Node(), Node().WithLabel("service.beta.kubernetes.io/exclude-node", "true"), ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "marked virtual-kubelet", Node(), Node().WithLabel("type", "virtual-kubelet"), ["Node/node-1", "RouteTable/vtb-1", "RouteTable/vtb-2", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "a node without a pod CIDR got its providerID (no route can change)", Node().WithSpec(s => { s.PodCIDR = null; s.PodCIDRs = null; s.ProviderID = null; }), Node().WithSpec(s => { s.PodCIDR = null; s.PodCIDRs = null; }), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "a new node without a pod CIDR", null, Node().WithSpec(s => { s.PodCIDR = null; s.PodCIDRs = null; }), ["Node/node-1", "Service/default/cluster", "Service/default/local", "Service/default/selects-nodes"] },
        { "an address changed (the Node grain writes addresses)", Node(), Node().Clone(n => n.Status.Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "192.168.0.99" }]), ["Node/node-1"] },
    };

    [Theory]
    [MemberData(nameof(NodeCases))]
    public void A_Node_change_wakes_its_grain_the_route_tables_and_the_Services_whose_backends_follow_it_only_as_far_as_it_matters(
        string because, V1Node? old, V1Node? @new, string[] expected)
    {
        IReadOnlyList<V1Service> services =
        [
            Service("cluster"),
            Service("local", etp: "Local"),
            Service("local-elsewhere", etp: "Local"),
            Service("selects-nodes", etp: "Local").WithAnnotation("service.beta.kubernetes.io/alibaba-cloud-loadbalancer-backend-label", "pool=a"),
            Service("eni").WithAnnotation("service.beta.kubernetes.io/backend-type", "eni"),
            Service("internal", type: "ClusterIP"),
        ];

        // "local" has endpoints on node-1, "local-elsewhere" only on other nodes; the others' endpoints do not matter.
        var signals = FanOutRules.ForNode(old, @new, () => services, Tables, eniBackendsByDefault: false, (s, node) => s.Metadata.Name != "local-elsewhere" && node == "node-1");
        Assert.True(expected.SequenceEqual(signals.Select(s => s.ToString())), $"{because}: {string.Join(", ", signals)}");
    }

    [Fact]
    public void Node_changes_that_matter_to_no_Service_do_not_even_list_the_Services()
    {
        var listed = false;
        FanOutRules.ForNode(Node(), Node().WithSpec(s => { s.PodCIDR = "172.20.9.0/24"; s.PodCIDRs = ["172.20.9.0/24"]; }), () =>
        {
            listed = true;
            return [];
        }, Tables, eniBackendsByDefault: false, (_, _) => true);
        Assert.False(listed);
    }

    [Fact]
    public void With_ENI_backends_by_default_node_changes_wake_no_Service_unless_it_asks_for_ECS_backends()
    {
        IReadOnlyList<V1Service> services = [Service("pods"), Service("nodes").WithAnnotation("service.beta.kubernetes.io/backend-type", "ecs")];
        var signals = FanOutRules.ForNode(Node(), Node().WithReady("False"), () => services, Tables, eniBackendsByDefault: true, (_, _) => true);
        Assert.Equal(["Node/node-1", "Service/default/nodes"], signals.Select(s => s.ToString()));
    }

    [Fact]
    public void Keys_inherited_from_a_departed_silo_wake_their_grains_at_event_priority_and_no_others()
    {
        IReadOnlyList<V1Service> services = [Service("a", finalizer: true).WithIngress("10.0.0.1"), Service("b"), Service("internal", type: "ClusterIP")];
        IReadOnlyList<V1Node> nodes = [Node("node-1"), Node("node-2")];
        bool OwnedBefore(string key) => key is "default/b" or "node-1";
        bool OwnsNow(string key) => key is "default/a" or "default/b" or "node-1" or "node-2" or "route-tables";

        var signals = FanOutRules.ForInherited(services, nodes, Tables, OwnedBefore, OwnsNow);

        Assert.Equal(["Service/default/a", "Node/node-2", "RouteTable/vtb-1", "RouteTable/vtb-2"], signals.Select(s => s.ToString()));
        Assert.All(signals, s => Assert.Equal(SignalKind.Event, s.Kind));
    }

    [Fact]
    public void At_start_the_Services_whose_backends_changed_last_are_signalled_first()
    {
        var at = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        IReadOnlyList<V1Service> services = [.. new[] { "old", "newest", "middle", "never" }.Select(n => Service(n, finalizer: true).WithIngress("10.0.0.1"))];
        var changed = new Dictionary<string, DateTimeOffset> { ["old"] = at, ["newest"] = at.AddMinutes(2), ["middle"] = at.AddMinutes(1), ["never"] = DateTimeOffset.MinValue };

        var signals = FanOutRules.ForEverything(services, [], [], lastChanged: s => changed[s.Metadata.Name]);

        Assert.Equal(["Service/default/newest", "Service/default/middle", "Service/default/old", "Service/default/never"], signals.Select(s => s.ToString()));
        Assert.All(signals, s => Assert.Equal(SignalKind.Resync, s.Kind));
    }

    [Fact]
    public void At_start_a_converged_looking_Service_changed_since_the_silo_started_is_a_change()
    {
        var started = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        IReadOnlyList<V1Service> services = [.. new[] { "before", "at", "after" }.Select(n => Service(n, finalizer: true).WithIngress("10.0.0.1"))];
        var changed = new Dictionary<string, DateTimeOffset> { ["before"] = started.AddTicks(-1), ["at"] = started, ["after"] = started.AddSeconds(1) };

        var signals = FanOutRules.ForEverything(services, [], [], lastChanged: s => changed[s.Metadata.Name], startedAt: started).ToDictionary(s => s.ToString(), s => s.Kind);

        Assert.Equal(SignalKind.Resync, signals["Service/default/before"]);
        Assert.Equal(SignalKind.Event, signals["Service/default/at"]);
        Assert.Equal(SignalKind.Event, signals["Service/default/after"]);
        Assert.Equal(SignalKind.Resync, FanOutRules.ForEverything(services, [], [], lastChanged: s => changed[s.Metadata.Name]).Single(s => s.Key == "default/after").Kind);
    }

    [Fact]
    public void At_start_converged_objects_are_rechecked_at_resync_priority_and_the_rest_at_event_priority()
    {
        IReadOnlyList<V1Service> services = [Service("done", finalizer: true).WithIngress("10.0.0.1"), Service("new"), Service("internal", type: "ClusterIP")];
        IReadOnlyList<V1Node> nodes = [Node("node-1"), Node("fresh").WithSpec(spec => spec.ProviderID = null)];

        var signals = FanOutRules.ForEverything(services, nodes, Tables).ToDictionary(s => s.ToString(), s => s.Kind);

        Assert.Equal(SignalKind.Resync, signals["Service/default/done"]);
        Assert.Equal(SignalKind.Event, signals["Service/default/new"]);
        Assert.Equal(SignalKind.Resync, signals["Node/node-1"]);
        Assert.Equal(SignalKind.Event, signals["Node/fresh"]);
        Assert.Equal(SignalKind.Event, signals["RouteTable/vtb-1"]);
        Assert.False(signals.ContainsKey("Service/default/internal"));
    }
}
