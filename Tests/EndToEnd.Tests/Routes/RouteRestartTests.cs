using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>Upstream leaks the route of a node deleted while the CCM is down; we collect it when the silo is back.</summary>
public sealed class RouteRestartTests : IAsyncLifetime
{
    private RouteWorld routes = null!;

    public async Task InitializeAsync() => routes = await RouteWorld.StartAsync();

    public async Task DisposeAsync() => await routes.DisposeAsync();

    [Fact]
    public async Task A_route_of_a_node_deleted_while_the_silo_was_stopped_is_collected_after_restart()
    {
        var first = await routes.StartSiloAsync("routes-1");
        await routes.ConvergedAsync();
        await first.StopAsync();

        var gone = DemoWorld.Nodes[0];
        routes.DeleteNode(gone.Name);
        Assert.All(RouteWorld.Tables, t => Assert.True(routes.HasRoute(t, gone), "nothing removes the route while no silo runs"));

        await routes.StartSiloAsync("routes-2");

        await Eventually.TrueAsync(() => RouteWorld.Tables.All(t => !routes.HasRouteFor(t, gone.PodCidr)), "the stale route leaves both tables", TestTimings.Generous);
        Assert.All(RouteWorld.Tables, t => Assert.All(DemoWorld.Nodes.Skip(1), n => Assert.True(routes.HasRoute(t, n))));
    }
}
