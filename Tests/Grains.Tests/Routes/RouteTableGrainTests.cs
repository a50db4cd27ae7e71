using Ccm.GrainInterfaces.State;
using Ccm.Grains.Tests.Routes.Support;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteTableGrainTests
{
    private static readonly HashSet<(string, string, string)> DemoRoutes = [.. DemoWorld.Nodes.Select(n => (n.PodCidr, n.InstanceId, "Available"))];

    [Fact]
    public async Task Every_demo_node_gets_its_route_in_every_table_and_its_network_becomes_available()
    {
        await using var silo = await RouteSilo.StartAsync();
        silo.Signal();

        await Eventually.TrueAsync(() => RouteSilo.Tables.All(t => DemoRoutes.SetEquals(silo.Routes(t))), "every demo route is Available in both tables");
        await Eventually.TrueAsync(() => DemoWorld.Nodes.All(n => silo.Condition(n.Name) is { Status: "False", Reason: "RouteCreated" }),
            "every demo node's NetworkUnavailable is False");
        Assert.Null(silo.Condition(DemoWorld.VirtualNode.Name));
        await Eventually.TrueAsync(silo.Settled, "the grains settle");
        Assert.All(RouteSilo.Tables, t => Assert.Equal((GrainPhase.Ready, 3, 3, false), (silo.State(t)!.Phase, silo.State(t)!.RoutesPresent, silo.State(t)!.RoutesDesired, silo.State(t)!.Full)));
        Assert.Equal(3, silo.State(RouteSilo.Tables[0])!.Routes.Count(r => r.Status == "Present"));
        Assert.Empty(silo.Events.Warnings);
        Assert.DoesNotContain(RouteCloud.AccessKeySecret, silo.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_added_later_gets_its_routes_and_a_deleted_node_loses_them()
    {
        await using var silo = await RouteSilo.StartAsync();
        await silo.SignalAsync("the demo routes are made");
        var instance = silo.AddNode("late-node", "172.20.9.0/24");

        silo.Signal();
        await Eventually.TrueAsync(() => RouteSilo.Tables.All(t => silo.Routes(t).Contains(("172.20.9.0/24", instance, "Available"))), "the new node's route is in both tables");
        await Eventually.TrueAsync(() => silo.Condition("late-node") is { Status: "False" }, "the new node's network becomes available");

        silo.Kube.Objects.Delete("nodes", null, "late-node");
        silo.Signal();
        await Eventually.TrueAsync(() => RouteSilo.Tables.All(t => silo.Routes(t).All(r => r.Destination != "172.20.9.0/24")), "the deleted node's routes are gone");
        Assert.All(RouteSilo.Tables, t => Assert.Equal(DemoRoutes, silo.Routes(t).ToHashSet()));
    }

    [Fact]
    public async Task Routes_of_nodes_deleted_while_nobody_watched_are_collected_and_foreign_routes_never_are()
    {
        var table = RouteSilo.Tables[0];
        await using var silo = await RouteSilo.StartAsync(prepare: (cloud, _) =>
        {
            cloud.Cloud.AddForeignRouteEntry(table, "172.20.77.0/24", "i-bp1deletedwhiledown01"); // stale: ours in shape, no node
            cloud.Cloud.AddForeignRouteEntry(table, "10.10.0.0/16", DemoWorld.Nodes[0].InstanceId); // outside the cluster CIDR
            cloud.Cloud.AddForeignRouteEntry(table, "172.20.50.0/24", "eni-bp1someoneelses0001", "NetworkInterface"); // not an Instance hop
            cloud.Cloud.AddForeignRouteEntry(table, "172.20.60.0/24", DemoWorld.Nodes[1].InstanceId); // a live node's instance
        });
        var systemEntries = silo.Cloud.Cloud.RouteEntries(table).Count(e => !e.Entry.IsCustom);

        await silo.SignalAsync("the routes converge");
        await silo.SignalAsync("and stay converged");

        var routes = silo.Routes(table).Select(r => r.Destination).ToHashSet();
        Assert.DoesNotContain("172.20.77.0/24", routes);
        Assert.Superset(new HashSet<string>(["10.10.0.0/16", "172.20.50.0/24", "172.20.60.0/24", .. DemoWorld.Nodes.Select(n => n.PodCidr)]), routes);
        Assert.Equal(systemEntries, silo.Cloud.Cloud.RouteEntries(table).Count(e => !e.Entry.IsCustom));
        Assert.Contains(silo.Logs.Entries, l => l.Message.Contains("Deleted stale route 172.20.77.0/24 -> i-bp1deletedwhiledown01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_route_to_the_wrong_instance_is_replaced()
    {
        var table = RouteSilo.Tables[1];
        var node = DemoWorld.Nodes[0];
        await using var silo = await RouteSilo.StartAsync(prepare: (cloud, _) => cloud.Cloud.AddForeignRouteEntry(table, node.PodCidr, DemoWorld.Nodes[2].InstanceId));
        silo.Signal();
        await Eventually.TrueAsync(() => silo.Routes(table).Contains((node.PodCidr, node.InstanceId, "Available")), "the route points at the node's own instance");
        await Eventually.TrueAsync(() => silo.Condition(node.Name) is { Status: "False" }, "the node's network becomes available");
    }

    [Fact]
    public async Task A_route_deleted_by_hand_returns_within_one_period()
    {
        var period = TimeSpan.FromSeconds(3);
        await using var silo = await RouteSilo.StartAsync(o => o with { RouteReconciliationPeriod = period });
        await silo.SignalAsync("the demo routes are made");
        await Eventually.TrueAsync(() => RouteSilo.Tables.All(t => DemoRoutes.SetEquals(silo.Routes(t))), "the routes settle");
        var node = DemoWorld.Nodes[1];
        var before = silo.State(RouteSilo.Tables[0])!.LastPeriodAt;

        Assert.True(silo.Cloud.Cloud.DeleteRouteEntryByHand(RouteSilo.Tables[0], node.PodCidr));

        await Eventually.TrueAsync(() => silo.Routes(RouteSilo.Tables[0]).Contains((node.PodCidr, node.InstanceId, "Available")),
            "the reminder puts the route back", TimeSpan.FromSeconds(30));
        Assert.NotEqual(before, silo.State(RouteSilo.Tables[0])!.LastPeriodAt);
    }
}
