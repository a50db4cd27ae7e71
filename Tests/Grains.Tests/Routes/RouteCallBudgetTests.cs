using Ccm.Grains.Tests.Routes.Support;
using Ccm.TestSupport;

namespace Ccm.Grains.Tests.Routes;

public sealed class RouteCallBudgetTests
{
    [Fact]
    public async Task A_steady_turn_makes_no_write_and_one_paginated_read_per_table()
    {
        await using var silo = await RouteSilo.StartAsync();
        for (var i = 0; i < 117; i++)
        {
            silo.AddNode($"pool-{i:D3}", $"172.20.{10 + i}.0/24");
        }

        silo.Signal();
        await Eventually.TrueAsync(() => RouteSilo.Tables.All(t => silo.Routes(t).Count(r => r.Status == "Available") == 120), "120 routes in each table",
            TimeSpan.FromSeconds(90));
        await silo.SignalAsync("the tables see them settled");
        await Eventually.TrueAsync(() => silo.Cache.ListNodes().Where(n => n.Spec?.ProviderID is not null).All(n => silo.Condition(n.Metadata.Name!) is { Status: "False" }),
            "every node's network is available");
        await silo.SignalAsync("the cache sees the conditions");
        var conditionsSet = silo.Logs.Entries.Count(l => l.Message.StartsWith("Set NetworkUnavailable", StringComparison.Ordinal));
        silo.Cloud.Calls.Clear();

        await silo.SignalAsync("a steady turn");

        Assert.Equal(0, silo.Writes);
        Assert.Equal(new Dictionary<string, long> { ["DescribeRouteEntryList"] = 2 * RouteSilo.Tables.Count }, silo.Cloud.Calls.Counts); // 120 entries: 2 pages of 100
        Assert.Equal(conditionsSet, silo.Logs.Entries.Count(l => l.Message.StartsWith("Set NetworkUnavailable", StringComparison.Ordinal)));
    }
}
