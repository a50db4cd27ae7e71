using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>Issue 7 against both emulators and the real silo: routes follow the Nodes in every listed route table.</summary>
public sealed class RouteConvergenceTests : IAsyncLifetime
{
    private RouteWorld routes = null!;

    public async Task InitializeAsync() => routes = await RouteWorld.StartAsync();

    public async Task DisposeAsync() => await routes.DisposeAsync();

    [Fact]
    public async Task Both_tables_listed_with_a_space_get_every_demo_nodes_route_and_every_node_its_network()
    {
        // The sandbox's cloud-config is written as users write it: "routeTableIDs": "vtb-a, vtb-b".
        Assert.Contains($"\"{string.Join(", ", RouteWorld.Tables)}\"", await File.ReadAllTextAsync(routes.World.CloudConfigPath), StringComparison.Ordinal);

        var silo = await routes.StartSiloAsync();
        await routes.ConvergedAsync();

        Assert.All(RouteWorld.Tables, t => Assert.Equal(
            DemoWorld.Nodes.Select(n => (n.PodCidr, n.InstanceId, "Available")).Order(),
            routes.Routes(t).Order()));
        Assert.All(RouteWorld.Tables, t => Assert.Equal((3, 3), (RouteWorld.State(silo, t)!.RoutesPresent, RouteWorld.State(silo, t)!.RoutesDesired)));
        Assert.Equal((null, null), routes.Condition(DemoWorld.VirtualNode.Name)); // no ECS instance, no route, no condition
    }

    [Fact]
    public async Task A_node_added_later_gets_its_route_in_both_tables()
    {
        await routes.StartSiloAsync();
        await routes.ConvergedAsync();

        var added = routes.AddNode("pool-node-4", "192.168.0.44", "172.20.4.0/24");

        await Eventually.TrueAsync(() => RouteWorld.Tables.All(t => routes.HasRoute(t, added)), "the new node's route is Available in both tables", TestTimings.Generous);
        await Eventually.TrueAsync(() => routes.Condition(added.Name) == ("False", "RouteCreated"), "the new node's network becomes available", TestTimings.Generous);
        Assert.All(RouteWorld.Tables, t => Assert.Equal(4, routes.Routes(t).Count));
    }

    [Fact]
    public async Task A_deleted_node_loses_its_route_in_both_tables_and_the_others_keep_theirs()
    {
        await routes.StartSiloAsync();
        await routes.ConvergedAsync();
        var gone = DemoWorld.Nodes[2];

        routes.DeleteNode(gone.Name);

        await Eventually.TrueAsync(() => RouteWorld.Tables.All(t => !routes.HasRouteFor(t, gone.PodCidr)), "the deleted node's route leaves both tables", TestTimings.Generous);
        Assert.All(RouteWorld.Tables, t => Assert.All(DemoWorld.Nodes.Take(2), n => Assert.True(routes.HasRoute(t, n), $"{n.Name} keeps its route in {t}")));
    }
}
