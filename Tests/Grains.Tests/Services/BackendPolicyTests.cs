using Ccm.Grains.Services;
using Ccm.Grains.Tests.Support;
using Ccm.Sandbox.Demo;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

public class BackendPolicyTests
{
    private static readonly string[] Instances = [.. DemoWorld.Nodes.Select(n => n.InstanceId)];

    private static IReadOnlyList<string> Members(V1Service service, IReadOnlyList<V1Node> nodes, params V1EndpointSlice[] slices)
    {
        var (annotations, _) = ServiceAnnotations.Parse(service);
        var (keyPort, backends) = BackendPolicy.For(service, service.Spec!.Ports![0], annotations, nodes, ReadyEndpoint.From(slices), eniByDefault: false);
        return [$"key {keyPort}", .. backends.Select(b => $"{b.Type} {(b.Type == Backend.Ecs ? b.ServerId : b.ServerIp)}:{b.Port} w{b.Weight}")];
    }

    private static V1EndpointSlice Pods(params (string Ip, string Node)[] endpoints) => Slice("web", endpoints);

    [Fact]
    public void Cluster_policy_puts_every_eligible_node_on_the_NodePort_with_weight_100() =>
        Assert.Equal(["key 30080", .. Instances.Select(i => $"ecs {i}:30080 w100")], Members(Svc(), DemoNodes()));

    [Fact]
    public void Cluster_policy_ignores_where_the_pods_run() =>
        Assert.Equal(4, Members(Svc(), DemoNodes(), Pods(("172.20.0.5", "demo-node-1"))).Count);

    [Fact]
    public void Default_weight_sets_every_node_weight() =>
        Assert.All(Members(Svc(tweaks: Annotate("default-weight", "30")), DemoNodes()).Skip(1), m => Assert.EndsWith(" w30", m, StringComparison.Ordinal));

    [Fact]
    public void Local_policy_weights_backends_by_ready_pod_count()
    {
        var slice = Slice("web", [("172.20.0.5", "demo-node-1"), ("172.20.0.6", "demo-node-1"), ("172.20.2.5", "demo-node-3"), ("172.20.1.5", "demo-node-2")],
            notReady: ["172.20.1.5"]);

        Assert.Equal(["key 30080", $"ecs {Instances[0]}:30080 w2", $"ecs {Instances[2]}:30080 w1"], Members(Svc(tweaks: Policy("Local")), DemoNodes(), slice));
    }

    [Fact]
    public void Local_policy_skips_terminating_endpoints_and_counts_an_IP_once_across_slices()
    {
        var first = Slice("web", [("172.20.0.5", "demo-node-1"), ("172.20.0.7", "demo-node-1")], terminating: ["172.20.0.7"]);
        var second = Slice("web", [("172.20.0.5", "demo-node-1")], name: "slice-2");

        Assert.Equal(["key 30080", $"ecs {Instances[0]}:30080 w1"], Members(Svc(tweaks: Policy("Local")), DemoNodes(), first, second));
    }

    [Fact]
    public void Local_policy_leaves_out_an_ineligible_node_even_with_pods() =>
        Assert.Equal(["key 30080"], Members(Svc(tweaks: Policy("Local")), [DemoNode(0, NotReady)], Pods(("172.20.0.5", "demo-node-1"))));

    [Fact]
    public void Eni_mode_puts_every_ready_pod_on_its_target_port()
    {
        var service = Svc(tweaks: Annotate("service.beta.kubernetes.io/backend-type", "eni"));

        Assert.Equal(["key 8080", "eni 192.168.0.50:8080 w100", "eni 192.168.0.51:8080 w100"],
            Members(service, DemoNodes(), Pods(("192.168.0.50", "demo-node-1"), ("192.168.0.51", "demo-node-2"))));
    }

    [Fact]
    public void Eni_mode_follows_a_named_target_port_through_the_slice()
    {
        var service = Svc(tweaks: [Annotate("service.beta.kubernetes.io/backend-type", "eni"),
            s => s.Clone(c => c.Spec.Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "web", NodePort = 30080 }])]);

        Assert.Equal(["key 9090", "eni 192.168.0.50:9090 w100"], Members(service, DemoNodes(), Slice("web", [("192.168.0.50", "demo-node-1")], port: 9090)));
    }

    [Fact]
    public void The_cloud_config_default_makes_pod_members_unless_the_Service_asks_for_ecs()
    {
        var (annotations, _) = ServiceAnnotations.Parse(Svc());
        var slice = ReadyEndpoint.From([Pods(("192.168.0.50", "demo-node-1"))]);

        Assert.Equal(Backend.Eni, BackendPolicy.For(Svc(), Svc().Spec!.Ports![0], annotations, DemoNodes(), slice, eniByDefault: true).Backends.Single().Type);
        var ecs = Svc(tweaks: Annotate("service.beta.kubernetes.io/backend-type", "ecs"));
        Assert.All(BackendPolicy.For(ecs, ecs.Spec!.Ports![0], annotations, DemoNodes(), slice, eniByDefault: true).Backends, b => Assert.Equal(Backend.Ecs, b.Type));
    }

    [Fact]
    public void Pods_on_virtual_kubelet_nodes_are_eni_members_next_to_the_nodes() =>
        Assert.Equal(["key 30080", .. Instances.Select(i => $"ecs {i}:30080 w100"), "eni 192.168.0.210:8080 w100"],
            Members(Svc(), [.. DemoNodes(), VirtualNode()], Pods(("192.168.0.210", DemoWorld.VirtualNode.Name))));

    [Fact]
    public void Without_node_ports_only_pod_members_remain() =>
        Assert.Equal(["key 8080"], Members(Svc(tweaks: s => s.Clone(c => c.Spec.Ports[0].NodePort = null)), DemoNodes()));
}
