using Ccm.Grains.Tests.Routes.Support;
using Ccm.Sandbox.Demo;
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

    [Fact]
    public async Task Three_hundred_nodes_in_three_tables_take_at_most_21_writes_none_refused_and_none_overlapping()
    {
        string[] tables = [DemoWorld.SystemRouteTableId, .. RouteSilo.Tables];
        await using var silo = await RouteSilo.StartAsync(o => o with { RouteTableIds = [.. tables] }, (cloud, _) =>
        {
            foreach (var table in tables)
            {
                cloud.Cloud.SetRouteEntryQuota(table, 400);
            }
        });
        for (var i = 0; i < 300 - DemoWorld.Nodes.Count; i++)
        {
            silo.AddNode($"pool-{i:D3}", $"172.20.{10 + (i / 2)}.{i % 2 * 128}/25");
        }

        silo.Cloud.Faults.SetLatency(TimeSpan.FromMilliseconds(20)); // so two writes at once would overlap in the log
        silo.Cloud.Calls.Clear();

        silo.Signal();
        await Eventually.TrueAsync(() => tables.All(t => silo.Routes(t).Count(r => r.Status == "Available") == 300), "300 routes in each table",
            TimeSpan.FromSeconds(120));

        var writes = silo.Cloud.Calls.Entries.Where(c => c.Action.StartsWith("Create", StringComparison.Ordinal) || c.Action.StartsWith("Delete", StringComparison.Ordinal))
            .Select(c => (Start: c.Time.AddMilliseconds(-c.DurationMs), End: c.Time, c.Action, c.ErrorCode)).OrderBy(w => w.Start).ToList();
        Assert.InRange(writes.Count, 3 * 6, 21); // 50 entries per CreateRouteEntries
        Assert.All(writes, w => Assert.Null(w.ErrorCode)); // no TaskConflict, nothing retried
        Assert.All(writes.Zip(writes.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End,
            $"{pair.Second.Action} started at {pair.Second.Start:HH:mm:ss.fff}, before the previous write ended at {pair.First.End:HH:mm:ss.fff}"));
    }
}
