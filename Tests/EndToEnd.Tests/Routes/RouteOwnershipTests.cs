using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>Only routes of the exact shape the CCM creates, inside --cluster-cidr, are ever deleted.</summary>
public sealed class RouteOwnershipTests : IAsyncLifetime
{
    private RouteWorld routes = null!;

    public async Task InitializeAsync() => routes = await RouteWorld.StartAsync();

    public async Task DisposeAsync() => await routes.DisposeAsync();

    [Fact]
    public async Task Foreign_routes_and_system_entries_survive_while_a_stale_route_is_collected()
    {
        var cloud = routes.World.Cloud.Cloud;
        var instance = DemoWorld.Nodes[0].InstanceId;
        (string Destination, string NextHop, string Status)[] foreign =
        [
            ("10.99.0.0/24", instance, "Available"),            // outside the cluster CIDR, Instance next hop
            ("172.20.200.0/24", "havip-bp1foreign0001", "Available"), // inside it, but the next hop is a HaVip
        ];
        foreach (var table in RouteWorld.Tables)
        {
            cloud.AddForeignRouteEntry(table, foreign[0].Destination, foreign[0].NextHop);
            cloud.AddForeignRouteEntry(table, foreign[1].Destination, foreign[1].NextHop, "HaVip");
        }

        var system = RouteWorld.Tables.Append(DemoWorld.SystemRouteTableId).ToDictionary(t => t, t => routes.AllEntries(t).Where(e => !e.EndsWith(" Custom", StringComparison.Ordinal)).ToList());
        Assert.All(RouteWorld.Tables, t => Assert.NotEmpty(system[t])); // each table has system entries to protect
        var systemTableBefore = routes.AllEntries(DemoWorld.SystemRouteTableId);

        await routes.StartSiloAsync();
        await routes.ConvergedAsync();
        var gone = DemoWorld.Nodes[2];
        routes.DeleteNode(gone.Name);
        await Eventually.TrueAsync(() => RouteWorld.Tables.All(t => !routes.HasRouteFor(t, gone.PodCidr)), "the deleted node's route is collected", TestTimings.Generous);

        Assert.All(RouteWorld.Tables, t => Assert.All(foreign, f => Assert.Contains(f, routes.Routes(t))));
        Assert.All(RouteWorld.Tables, t => Assert.Equal(system[t], routes.AllEntries(t).Where(e => !e.EndsWith(" Custom", StringComparison.Ordinal))));
        Assert.Equal(systemTableBefore, routes.AllEntries(DemoWorld.SystemRouteTableId));
    }
}
