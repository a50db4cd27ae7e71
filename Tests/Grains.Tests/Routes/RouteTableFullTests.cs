using Ccm.GrainInterfaces.State;
using Ccm.Grains.Tests.Routes.Support;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteTableFullTests
{
    private static readonly string FullTable = RouteSilo.Tables[1];

    [Fact]
    public async Task A_full_table_is_reported_on_the_nodes_and_the_dashboard_and_not_retried_hot()
    {
        await using var silo = await RouteSilo.StartAsync(prepare: (cloud, _) => cloud.Cloud.SetRouteEntryQuota(FullTable, 2));
        await silo.SignalAsync("the routes are made as far as the quota allows");
        await Eventually.TrueAsync(() => silo.Routes(FullTable).Count(r => r.Status == "Available") == 2, "two routes settle in the full table");
        await silo.SignalAsync("the tables report their coverage");

        var state = silo.State(FullTable)!;
        Assert.Equal((true, GrainPhase.Failed, "QuotaExceeded"), (state.Full, state.Phase, state.LastError?.Code));
        var warning = Assert.Single(silo.Events.Warnings);
        Assert.Equal(("RouteTableFull", DemoWorld.Nodes[2].Name), (warning.Reason, warning.Regarding.Name));
        Assert.Contains($"Route table {FullTable} is full", warning.Message, StringComparison.Ordinal);
        Assert.Contains("quota", warning.Message, StringComparison.Ordinal);
        var waiting = DemoWorld.Nodes[2].Name;
        await Eventually.TrueAsync(() => silo.Condition(waiting) is { Status: "True", Reason: "NoRouteCreated" }, "the node left out is NetworkUnavailable");
        Assert.Contains(FullTable, silo.Condition(waiting)!.Message, StringComparison.Ordinal);
        Assert.Equal(3, silo.Routes(RouteSilo.Tables[0]).Count);

        var creates = silo.Cloud.Calls.CountOf("CreateRouteEntries") + silo.Cloud.Calls.CountOf("CreateRouteEntry");
        for (var i = 0; i < 3; i++)
        {
            await silo.SignalAsync("a node change wakes the tables again");
        }

        Assert.Equal(creates, silo.Cloud.Calls.CountOf("CreateRouteEntries") + silo.Cloud.Calls.CountOf("CreateRouteEntry"));
        Assert.Single(silo.Events.Warnings);
    }

    [Fact]
    public async Task A_full_table_is_tried_again_once_a_period_and_fills_when_the_quota_is_raised()
    {
        await using var silo = await RouteSilo.StartAsync(o => o with { RouteReconciliationPeriod = TimeSpan.FromSeconds(3) },
            (cloud, _) => cloud.Cloud.SetRouteEntryQuota(FullTable, 2));

        // Not SignalAsync: with a 3 s period the full table is retried so often that a loaded machine may never see it idle.
        silo.Signal();
        await Eventually.TrueAsync(() => silo.State(FullTable) is { Full: true }, "the routes are made as far as the quota allows", TimeSpan.FromSeconds(60));

        silo.Cloud.Cloud.SetRouteEntryQuota(FullTable, 10);

        var node = DemoWorld.Nodes[2];
        await Eventually.TrueAsync(() => silo.Routes(FullTable).Contains((node.PodCidr, node.InstanceId, "Available")), "the next period creates the route", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => silo.Condition(node.Name) is { Status: "False" }, "the node's network becomes available");
        await Eventually.TrueAsync(() => silo.State(FullTable) is { Full: false }, "the dashboard no longer shows the table full");
    }
}
