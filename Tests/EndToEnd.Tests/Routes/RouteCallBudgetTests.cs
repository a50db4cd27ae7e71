using Ccm.TestSupport;

namespace Ccm.EndToEnd.Tests.Routes;

/// <summary>What a period costs when nothing changed: one paginated read per table and no write.</summary>
public sealed class RouteCallBudgetTests : IAsyncLifetime
{
    // Long enough that a table cannot tick twice between the checks below on a loaded machine.
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(20);
    private RouteWorld routes = null!;

    public async Task InitializeAsync() => routes = await RouteWorld.StartAsync();

    public async Task DisposeAsync() => await routes.DisposeAsync();

    [Fact]
    public async Task A_steady_period_makes_no_write_and_one_paginated_read_per_table()
    {
        var silo = await routes.StartSiloAsync(period: Period);
        await routes.ConvergedAsync();

        // A first period after convergence; a turn in flight at the clear may have read before it, so this one is not counted.
        await PeriodAfterAsync(silo, Clear());

        // Every table finished a period just now, so until each finishes the next one, this window holds exactly one period per table.
        await PeriodAfterAsync(silo, Clear());

        Assert.Equal(0, routes.Writes);
        Assert.Equal(RouteWorld.Tables.Count, routes.World.Cloud.Calls.CountOf("DescribeRouteEntryList")); // 3 Custom entries: one page each
    }

    private DateTimeOffset Clear()
    {
        routes.World.Cloud.Calls.Clear();
        return DateTimeOffset.UtcNow;
    }

    private static Task PeriodAfterAsync(InProcessSilo silo, DateTimeOffset after) =>
        Eventually.TrueAsync(() => RouteWorld.Tables.All(t => RouteWorld.State(silo, t)?.LastPeriodAt > after), "every table runs its period",
            TestTimings.Generous);
}
