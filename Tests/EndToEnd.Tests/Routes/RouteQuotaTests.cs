using System.Text.Json.Nodes;
using Ccm.GrainInterfaces.State;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>A table at its custom-entry quota is reported (Warning Event, dashboard state) and not hammered.</summary>
public sealed class RouteQuotaTests : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    private RouteWorld routes = null!;

    public async Task InitializeAsync() => routes = await RouteWorld.StartAsync();

    public async Task DisposeAsync() => await routes.DisposeAsync();

    [Fact]
    public async Task A_full_table_is_a_Warning_Event_and_a_full_state_and_is_not_retried_hot()
    {
        var full = RouteWorld.Tables[1];
        routes.World.Cloud.Cloud.SetRouteEntryQuota(full, 2);
        var silo = await routes.StartSiloAsync();

        await Eventually.TrueAsync(() => RouteWorld.State(silo, full) is { Full: true }, "the dashboard shows the table full", TestTimings.Generous);
        await Eventually.TrueAsync(() => TableFullEvents().Any(), "a Warning Event names the full table", TestTimings.Generous);
        var warning = TableFullEvents().First();
        Assert.Equal("Warning", (string?)warning["type"]);
        Assert.Contains(full, (string?)warning["message"], StringComparison.Ordinal);
        Assert.Contains("quota", (string?)warning["message"], StringComparison.Ordinal);
        Assert.Equal(GrainPhase.Failed, RouteWorld.State(silo, full)!.Phase);
        await Eventually.TrueAsync(() => DemoWorld.Nodes.All(n => routes.HasRoute(RouteWorld.Tables[0], n)), "the other table is complete", TestTimings.Generous);
        await Eventually.TrueAsync(() => DemoWorld.Nodes.Any(n => routes.Condition(n.Name) == ("True", "NoRouteCreated")), "the node left out is NetworkUnavailable",
            TestTimings.Generous);

        var creates = routes.Creates;
        await Task.Delay(Quiet);
        var added = routes.AddNode("pool-node-5", "192.168.0.55", "172.20.5.0/24"); // a node change wakes the full table again
        await Eventually.TrueAsync(() => routes.HasRoute(RouteWorld.Tables[0], added), "the table with room takes the new node", TestTimings.Generous);
        await Task.Delay(Quiet);

        // One create for the new node in the table with room; the full table waits for the next period (5m).
        Assert.Equal(creates + 1, routes.Creates);
        Assert.True(RouteWorld.State(silo, full)!.Full);
    }

    private IEnumerable<JsonObject> TableFullEvents() =>
        routes.World.Kube.Objects.List("events").Where(e => (string?)e["reason"] == "RouteTableFull");
}
