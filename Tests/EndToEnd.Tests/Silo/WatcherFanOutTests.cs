using Ccm.GrainInterfaces;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Silo;

/// <summary>
/// The watcher in a real silo against the Kubernetes emulator, its signals recorded instead of delivered
/// (<see cref="SignalLog"/>): which grains a change wakes. The rules themselves are tabled in Grains.Tests
/// (FanOutRulesTests); this proves the wiring.
/// </summary>
public sealed class WatcherFanOutTests : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private SandboxWorld world = null!;
    private InProcessSilo silo = null!;
    private SignalLog signals = null!;

    public async Task InitializeAsync()
    {
        world = await SandboxWorld.StartAsync();
        silo = await world.StartSiloAsync("watcher", ["--leader-elect=false"], builder => signals = SignalLog.Register(builder));
        await Eventually.TrueAsync(async () => (await silo.Watcher.GetStatusAsync()).Synced, "the watches sync");
    }

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task At_sync_every_grain_with_work_is_signalled_once_and_nothing_else()
    {
        string[] expected =
        [
            "Service/default/nginx",
            .. DemoWorld.Nodes.Select(n => "Node/" + n.Name), "Node/" + DemoWorld.VirtualNode.Name,
            .. DemoWorld.CustomRouteTableIds.Select(t => "RouteTable/" + t),
        ];
        await Eventually.TrueAsync(() => expected.All(g => signals.Count(g) >= 1), $"every grain was signalled: {string.Join(", ", signals.Signals)}");
        await Task.Delay(Quiet);

        Assert.Equal(expected.Order(), signals.Signals.Distinct().Order());
        Assert.DoesNotContain(signals.Signals, t => t == "Service/default/kubernetes");
        var status = await silo.Watcher.GetStatusAsync();
        Assert.Equal(4, status.Kinds.Single(k => k.Resource == "nodes").Objects);
        Assert.True(status.SignalsSent["Node"] >= 4);
    }

    [Fact]
    public async Task A_node_label_wakes_the_node_a_label_that_decides_backends_wakes_the_Services_that_follow_nodes_and_a_heartbeat_wakes_nobody()
    {
        var node = DemoWorld.Nodes[0].Name;
        await SettledAsync();
        var before = Snapshot();

        // As a kubelet does: a strategic merge of the Ready condition (merge key "type") that moves only its heartbeat.
        world.Kube.Objects.Patch("nodes", null, node, KubePatchType.StrategicMerge,
            """{"status":{"conditions":[{"type":"Ready","lastHeartbeatTime":"2030-01-01T00:00:00Z"}]}}""", "status");
        // An ordinary label (as the node controller's zone and instance-type labels) cannot move a backend.
        world.Kube.Objects.Patch("nodes", null, node, KubePatchType.Merge, """{"metadata":{"labels":{"team":"a"}}}""");
        await Eventually.TrueAsync(() => signals.Count("Node/" + node) > before["Node/" + node], "the node's grain is signalled after the label change");
        await Task.Delay(Quiet);
        Assert.Equal(before["Service/default/nginx"], signals.Count("Service/default/nginx"));

        // The control-plane role takes the node out of every load balancer.
        world.Kube.Objects.Patch("nodes", null, node, KubePatchType.Merge, """{"metadata":{"labels":{"node-role.kubernetes.io/control-plane":""}}}""");
        try
        {
            await Eventually.TrueAsync(() => signals.Count("Service/default/nginx") > before["Service/default/nginx"], "nginx (externalTrafficPolicy Cluster) follows the nodes");
            await Task.Delay(Quiet);

            Assert.Equal(before["Node/" + node] + 2, signals.Count("Node/" + node));
            Assert.All(DemoWorld.CustomRouteTableIds, t => Assert.Equal(before["RouteTable/" + t], signals.Count("RouteTable/" + t)));
        }
        finally
        {
            world.Kube.Objects.Patch("nodes", null, node, KubePatchType.Merge, """{"metadata":{"labels":{"node-role.kubernetes.io/control-plane":null}}}""");
        }
    }

    [Fact]
    public async Task A_new_pod_CIDR_wakes_every_route_table_but_no_Service()
    {
        await SettledAsync();
        var before = Snapshot();

        await world.Kubectl.ApplyAsync("""
            apiVersion: v1
            kind: Node
            metadata:
              name: added-node
            spec:
              podCIDR: 172.20.9.0/24
              podCIDRs: [172.20.9.0/24]
            """);

        await Eventually.TrueAsync(
            () => DemoWorld.CustomRouteTableIds.All(t => signals.Count("RouteTable/" + t) > before["RouteTable/" + t]) && signals.Count("Node/added-node") == 1,
            $"the new node and both route tables are signalled: {string.Join(", ", signals.Signals)}");
        await Task.Delay(Quiet);

        // A new node is also a new backend candidate for Services whose backends follow the nodes.
        Assert.Equal(before["Service/default/nginx"] + 1, signals.Count("Service/default/nginx"));
    }

    [Fact]
    public async Task Endpoints_of_a_ClusterIP_Service_wake_nobody_and_those_of_a_LoadBalancer_Service_wake_its_grain()
    {
        await SettledAsync();
        var before = Snapshot();

        await world.Kubectl.CheckedAsync("scale", "deployment/nginx", "--replicas=3");
        await world.Kubectl.ApplyAsync("""
            apiVersion: v1
            kind: Service
            metadata:
              name: internal
              namespace: default
            spec:
              selector: {run: nginx}
              ports: [{port: 8080, targetPort: 80}]
            """);

        await Eventually.TrueAsync(() => signals.Count("Service/default/nginx") > before["Service/default/nginx"], "nginx's grain is signalled when its endpoints change");
        await Task.Delay(Quiet);
        Assert.Equal(0, signals.Count("Service/default/internal"));
    }

    /// <summary>Waits until the sync burst is over (all grains signalled, then no signal for a moment).</summary>
    private async Task SettledAsync()
    {
        await Eventually.TrueAsync(() => signals.Count("Service/default/nginx") >= 1 && signals.Signals.Count >= 7, "the sync burst was sent");
        var count = -1;
        await Eventually.TrueAsync(async () =>
        {
            var now = signals.Signals.Count;
            var settled = now == count;
            count = now;
            await Task.Delay(TimeSpan.FromSeconds(1));
            return settled;
        }, "no more signals");
    }

    private Dictionary<string, int> Snapshot() =>
        new[] { "Service/default/nginx" }
            .Concat(DemoWorld.Nodes.Select(n => "Node/" + n.Name))
            .Concat(DemoWorld.CustomRouteTableIds.Select(t => "RouteTable/" + t))
            .ToDictionary(g => g, signals.Count);
}
