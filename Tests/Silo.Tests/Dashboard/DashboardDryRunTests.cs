using Ccm.Silo.Tests.Support;

namespace Ccm.Silo.Tests.Dashboard;

public sealed class DashboardDryRunTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task In_dry_run_the_overview_flags_it_and_lists_the_pending_plans_with_their_operations()
    {
        await using var host = await DashboardHost.StartAsync(files, dryRun: true, flags: "--dashboard-auth=none");
        host.Board.Publish(SyntheticStates.PendingService("default", "nginx"));
        host.Board.Publish(SyntheticStates.Service("default", "in-sync"));

        var overview = await host.JsonAsync("/api/overview");
        Assert.True((bool)overview["dryRun"]!);
        Assert.True((bool)overview["config"]!["dryRun"]!);
        Assert.Equal(1, (int)overview["pendingPlanCount"]!);
        var plan = overview["pendingPlans"]![0]!;
        Assert.Equal("services", (string)plan["kind"]!);
        Assert.Equal("default/nginx", (string)plan["key"]!);
        Assert.Equal(["CreateLoadBalancer default/nginx"], plan["operations"]!.AsArray().Select(o => (string)o!));

        var row = (await host.JsonAsync("/api/grains/services?phase=PlanPending"))["items"]![0]!;
        Assert.True((bool)row["lastPlan"]!["dryRun"]!);
        Assert.Equal(1, (int)row["lastPlan"]!["notApplied"]!);
    }

    [Fact]
    public async Task Without_dry_run_nothing_is_pending()
    {
        await using var host = await DashboardHost.StartAsync(files, flags: "--dashboard-auth=none");
        host.Board.Publish(SyntheticStates.Service("default", "nginx"));
        var overview = await host.JsonAsync("/api/overview");
        Assert.False((bool)overview["dryRun"]!);
        Assert.Empty(overview["pendingPlans"]!.AsArray());
    }
}
