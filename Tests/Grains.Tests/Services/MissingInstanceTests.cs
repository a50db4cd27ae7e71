using Ccm.Grains.Events;
using Ccm.Grains.Services;
using Ccm.Sandbox.Aliyun.Control;
using Ccm.Sandbox.Demo;
using Ccm.Grains.Tests.Support;
using k8s.Models;
using static Ccm.Grains.Tests.Services.ServiceBuilders;

namespace Ccm.Grains.Tests.Services;

/// <summary>
/// A Ready Node whose providerID names an ECS instance that does not exist: SLB refuses it as a backend, and without care
/// every Service's turn would fail on it. It is left out, named in a Warning Event on the Node, and taken back once
/// its instance exists.
/// </summary>
public sealed class MissingInstanceTests(ServiceWorld world) : IClassFixture<ServiceWorld>
{
    private static V1Node Ghost(string name, string instanceId) =>
        DemoNode(0, n => n.Clone(c =>
        {
            c.Metadata.Name = name;
            c.Metadata.Uid = Guid.NewGuid().ToString();
            c.Spec.ProviderID = $"{DemoWorld.RegionId}.{instanceId}";
        }));

    private string[] Members(V1Service service, Harness h) =>
        [.. world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(service)!.LoadBalancerId).Single().BackendServers.Select(b => b.ServerId).Order(StringComparer.Ordinal)];

    private static string[] DemoInstances(params string[] more) =>
        [.. DemoWorld.Nodes.Select(n => n.InstanceId).Concat(more).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Every_Service_converges_without_a_node_whose_instance_does_not_exist_and_the_Node_gets_one_Warning_Event()
    {
        var h = world.NewHarness();
        h.Cache.With(Ghost("ghost-node", "i-bp1ghost000000000001"));
        var first = await h.CreateAsync(Svc("ghost-first"));
        var second = await h.CreateAsync(Svc("ghost-second", tweaks: Port("https", "TCP", 443, 30443)));

        var firstTurn = await h.TurnAsync("ghost-first");
        await h.TurnAsync("ghost-second");

        Assert.Equal(DemoInstances(), Members(first, h));
        Assert.All(world.Cloud.Cloud.VServerGroups(h.LoadBalancerOf(second)!.LoadBalancerId),
            g => Assert.Equal(DemoInstances(), g.BackendServers.Select(b => b.ServerId).Order(StringComparer.Ordinal)));
        Assert.All(h.LoadBalancerOf(second)!.Listeners.Values, l => Assert.Equal("running", l.Status));
        Assert.NotNull((await h.RefreshAsync("ghost-second"))!.Status?.LoadBalancer?.Ingress);
        var warning = Assert.Single(h.Events.Warnings, e => e.Regarding.Kind == "Node");
        Assert.Equal(("ghost-node", MissingInstances.EventReason, EventSeverity.Warning), (warning.Regarding.Name, warning.Reason, warning.Severity));
        Assert.Contains("ECS instance i-bp1ghost000000000001", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Fix spec.providerID, or delete the Node", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Events.Warnings, e => e.Regarding.Kind == "Service");
        Assert.Equal(h.Options.MissingInstanceRecheck, firstTurn.Result.RequeueDelay);
    }

    [Fact]
    public async Task The_node_is_a_backend_again_once_its_instance_exists()
    {
        var h = world.NewHarness(Options() with { MissingInstanceRecheck = TimeSpan.FromMilliseconds(100) });
        h.Cache.With(Ghost("late-node", "i-bp1late0000000000001"));
        var service = await h.CreateAsync(Svc("late-instance"));
        await h.TurnAsync("late-instance");
        Assert.Equal(DemoInstances(), Members(service, h));

        world.Cloud.Cloud.AddInstance(new NewInstance { InstanceId = "i-bp1late0000000000001" });
        await Task.Delay(h.Options.MissingInstanceRecheck * 2);
        var turn = await h.TurnAsync("late-instance");

        Assert.Equal(DemoInstances("i-bp1late0000000000001"), Members(service, h));
        Assert.Null(turn.Result.RequeueDelay);
    }

    [Fact]
    public async Task Deleting_the_Node_ends_the_rechecks()
    {
        var h = world.NewHarness();
        h.Cache.With(Ghost("gone-node", "i-bp1gone0000000000001"));
        var service = await h.CreateAsync(Svc("gone-node"));
        await h.TurnAsync("gone-node");

        h.Cache.WithoutNode("gone-node");
        var turn = await h.TurnAsync("gone-node");

        Assert.Equal(DemoInstances(), Members(service, h));
        Assert.Null(turn.Result.RequeueDelay);
    }
}
