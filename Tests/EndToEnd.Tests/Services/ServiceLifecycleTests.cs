using Ccm.GrainInterfaces;
using Ccm.GrainInterfaces.State;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;
using static Ccm.EndToEnd.Tests.Services.UpstreamExample;

namespace Ccm.EndToEnd.Tests.Services;

/// <summary>
/// The upstream example applied with kubectl to a real silo running against both emulators over HTTP, then taken
/// through what users do to it: add and cordon nodes, switch to Local and to ENI backends, scale, delete.
/// </summary>
public sealed class ServiceLifecycleTests : IAsyncLifetime
{
    private const string NewNode = "e2e-node-4";
    private const string NewInstance = "i-bp1e2enode00000004";

    private const string NewNodePodCidr = UpstreamExample.PodCidrInVpc;

    private SandboxWorld world = null!;
    private InProcessSilo silo = null!;

    public async Task InitializeAsync()
    {
        world = await SandboxWorld.StartAsync(deployDemoApp: false);
        silo = await world.StartSiloAsync("services", ["--leader-elect=false"]);
        await SetProviderIdsAsync(world.Kubectl);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private static string[] DemoInstances(int port, params string[] except) =>
        [.. DemoWorld.Nodes.Where(n => !except.Contains(n.Name)).Select(n => $"{n.InstanceId}:{port} w100")];

    [Fact]
    public async Task The_upstream_example_gets_an_intranet_CLB_whose_backends_follow_the_cluster_until_it_is_deleted()
    {
        await world.Kubectl.ApplyAsync(Manifest);

        // An intranet CLB with a running TCP:80 listener, one vServer group holding every node, the address in the status.
        await Eventually.TrueAsync(() => IngressIp(world) is not null, "the Service shows its address", TestTimings.Generous);
        var uid = Uid(world);
        var lb = LoadBalancerOf(world, uid)!;
        Assert.Equal("intranet", lb.AddressType);
        Assert.Equal(lb.Address, IngressIp(world));
        var listener = Assert.Single(lb.Listeners.Values);
        Assert.Equal((80, "tcp", "running"), (listener.ListenerPort, listener.ListenerProtocol, listener.Status));
        var nodePort = NodePort(world);
        await MembersBecomeAsync(world, uid, DemoInstances(nodePort), "every Ready node is a backend on the NodePort");
        Assert.Contains("service.k8s.alibaba/resources", await world.Kubectl.CheckedAsync("get", "svc", "nginx", "-o", "jsonpath={.metadata.finalizers}"), StringComparison.Ordinal);
        Assert.Equal(GrainPhase.Ready, silo.Board.Get<ServiceGrainState>(GrainKeys.Service("default", "nginx"))?.Phase);

        // A node joins (its instance first, as a scaling group does), then one is cordoned with remove-unscheduled-backend.
        AddNode(world, NewNode, NewInstance, "192.168.0.40", NewNodePodCidr);
        await MembersBecomeAsync(world, uid, [.. DemoInstances(nodePort), $"{NewInstance}:{nodePort} w100"], "the new node is added");
        await world.Kubectl.CheckedAsync("annotate", "svc", "nginx", "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-remove-unscheduled-backend=on");
        await world.Kubectl.CheckedAsync("cordon", "demo-node-2");
        await MembersBecomeAsync(world, uid, [.. DemoInstances(nodePort, "demo-node-2"), $"{NewInstance}:{nodePort} w100"], "the cordoned node is removed");
        await world.Kubectl.CheckedAsync("uncordon", "demo-node-2");

        // Local: only nodes with ready pods, weighted by their pods; scaling changes them.
        await world.Kubectl.CheckedAsync("patch", "svc", "nginx", "-p", """{"spec":{"externalTrafficPolicy":"Local"}}""");
        await MembersBecomeAsync(world, uid, LocalMembers(2, nodePort), "Local policy keeps only the nodes with pods");
        await world.Kubectl.CheckedAsync("scale", "deployment", "nginx", "--replicas=4");
        await MembersBecomeAsync(world, uid, LocalMembers(4, nodePort), "scaling to four pods reweighs the nodes");

        // ENI: move the pods to the node whose pod CIDR is in the VPC, give them ENIs, and switch the backend type.
        foreach (var node in DemoWorld.Nodes)
        {
            await world.Kubectl.CheckedAsync("cordon", node.Name);
        }

        await world.Kubectl.CheckedAsync("delete", "pods", "-l", "run=nginx", "--wait=false");
        await Eventually.TrueAsync(() => RunningPods(world) is { Count: 4 } pods && pods.All(p => p.Node == NewNode), "the pods run on the new node", TestTimings.Generous);
        var enis = RunningPods(world).Select(p => world.Cloud.Cloud.AddNetworkInterface(DemoWorld.VSwitches[0].VSwitchId, p.Ip)).ToList();
        await world.Kubectl.CheckedAsync("annotate", "svc", "nginx", "service.beta.kubernetes.io/backend-type=eni");
        await MembersBecomeAsync(world, uid, enis.Select(e => $"eni {e.PrimaryIpAddress}:80 {e.NetworkInterfaceId}"), "ENI mode puts the pods behind their ENIs");

        // Deleting the Service removes every cloud resource we made, then the finalizer.
        await world.Kubectl.CheckedAsync("delete", "svc", "nginx", "--wait=false");
        await Eventually.TrueAsync(() => Service(world) is null, "the Service is gone once its load balancer is", TestTimings.Generous);
        Assert.Null(world.Cloud.Cloud.LoadBalancer(lb.LoadBalancerId));
        Assert.Empty(world.Cloud.Cloud.VServerGroups(lb.LoadBalancerId));
        Assert.DoesNotContain(world.Cloud.Cloud.LoadBalancers, l => l.Tags.Any(t => t.Value == OwnerTag(uid)));

        // Each step was told on the Service: created and updated (ensured), then deleted.
        await Eventually.TrueAsync(
            () => EventReasons(world) is var reasons && reasons.Contains("EnsuredLoadBalancer") && reasons.Contains("DeletedLoadBalancer"),
            "the Service's Events say it was ensured and deleted",
            TestTimings.Generous);
    }

    /// <summary>Waits for <paramref name="pods"/> running pods, then says which nodes should hold them as Local members.</summary>
    private IEnumerable<string> LocalMembers(int pods, int nodePort)
    {
        var running = Eventually.ValueAsync(() => Task.FromResult(RunningPods(world)), p => p.Count == pods, "the pods run", TestTimings.Generous).GetAwaiter().GetResult();
        var instances = DemoWorld.Nodes.ToDictionary(n => n.Name, n => n.InstanceId);
        instances[NewNode] = NewInstance;
        return running.GroupBy(p => p.Node).Select(g => $"{instances[g.Key]}:{nodePort} w{g.Count()}");
    }
}
