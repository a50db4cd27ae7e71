using Ccm.GrainInterfaces.State;
using Ccm.Grains.Tests.Routes.Support;
using Ccm.Sandbox.Demo;
using Ccm.TestSupport;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteTableFailureTests
{
    private const string Missing = "vtb-bp1doesnotexist00001";

    [Fact]
    public async Task An_unknown_table_fails_alone_and_names_itself_on_every_node()
    {
        var good = RouteSilo.Tables[0];
        await using var silo = await RouteSilo.StartAsync(o => o with { RouteTableIds = [good, Missing] });
        await silo.SignalAsync("both tables take a turn");

        await Eventually.TrueAsync(() => DemoWorld.Nodes.All(n => silo.Routes(good).Any(r => r.Destination == n.PodCidr && r.Status == "Available")), "the good table gets every route");
        var state = silo.State(Missing)!;
        Assert.Equal((GrainPhase.Failed, "InvalidRouteTableId.NotFound"), (state.Phase, state.LastError?.Code));
        Assert.Contains("routeTableIDs", state.Reason, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => DemoWorld.Nodes.All(n => silo.Condition(n.Name)?.Message?.Contains($"{Missing} (the route table does not exist)", StringComparison.Ordinal) == true),
            "every node says which table is missing");
        Assert.All(DemoWorld.Nodes, n => Assert.Equal("True", silo.Condition(n.Name)!.Status));

        var reads = silo.Cloud.Calls.CountOf("DescribeRouteEntryList");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(reads, silo.Cloud.Calls.CountOf("DescribeRouteEntryList")); // terminal: not retried until the next signal or period
    }

    [Fact]
    public async Task A_dry_run_plans_and_publishes_and_writes_nothing()
    {
        await using var silo = await RouteSilo.StartAsync(o => o with { DryRun = true });
        await silo.SignalAsync("the tables plan");
        await silo.SignalAsync("and plan again");

        Assert.Equal(0, silo.Writes);
        Assert.All(RouteSilo.Tables, t =>
        {
            var state = silo.State(t)!;
            Assert.Equal(GrainPhase.PlanPending, state.Phase);
            Assert.True(state.RecentPlans[0].DryRun);
            Assert.All(state.RecentPlans[0].Operations, o => Assert.Equal(OperationOutcome.NotApplied, o.Outcome));
            Assert.Empty(silo.Routes(t));
        });
        Assert.All(DemoWorld.Nodes, n => Assert.Null(silo.Condition(n.Name)));
        Assert.Contains(silo.Logs.Entries, l => l.Message.StartsWith("Dry run: would set NetworkUnavailable=True", StringComparison.Ordinal));
    }
}
