using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>The reconciliation period repairs what was changed outside the CCM; nothing in Kubernetes changes meanwhile.</summary>
public sealed class RouteDriftTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);
    private RouteWorld routes = null!;

    public async Task InitializeAsync() => routes = await RouteWorld.StartAsync();

    public async Task DisposeAsync() => await routes.DisposeAsync();

    [Fact]
    public async Task A_route_deleted_by_hand_returns_with_the_next_period()
    {
        var silo = await routes.StartSiloAsync(period: Period);
        await routes.ConvergedAsync();
        var node = DemoWorld.Nodes[1];
        var table = RouteWorld.Tables[1];

        Assert.True(routes.World.Cloud.Cloud.DeleteRouteEntryByHand(table, node.PodCidr));
        var deletedAt = DateTimeOffset.UtcNow;

        // No Node changed, so only the table's reminder can bring it back.
        await Eventually.TrueAsync(() => routes.HasRoute(table, node), "the period recreates the route deleted in the console", TestTimings.Generous);
        Assert.Contains(RouteWorld.State(silo, table)!.RecentPlans, p => p.Trigger == "reminder" && p.At > deletedAt);
        Assert.True(routes.HasRoute(RouteWorld.Tables[0], node));
    }
}
