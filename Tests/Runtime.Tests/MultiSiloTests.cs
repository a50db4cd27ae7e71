using System.Collections.Concurrent;
using Ccm.TestSupport;

namespace Ccm.Runtime.Tests;

/// <summary>Real silos in Lease mode over a shared in-memory store, on the real clock with short timings.</summary>
public sealed class MultiSiloTests
{
    private readonly InMemoryLeaseStore leases = new();
    private readonly InMemoryReminderTable reminders = new();

    [Fact]
    public async Task Grains_run_only_on_their_shard_s_owner_and_acquisitions_are_announced()
    {
        await using var a = await StartAsync("silo-a");
        var acquired = new ConcurrentBag<int>();
        a.Silo.Shards.ShardAcquired += (_, e) => acquired.Add(e.Shard);
        await using var b = await StartAsync("silo-b");
        await Eventually.TrueAsync(() => a.Silo.Shards.ActiveShards.Count + b.Silo.Shards.ActiveShards.Count == 16, "all shards run somewhere");

        var onB = KeyOn(b);
        Assert.Equal(1, await b.Factory.GetGrain<ICounterGrain>(onB).Increment());
        var refused = await Assert.ThrowsAsync<ShardNotOwnedException>(() => a.Factory.GetGrain<ICounterGrain>(onB).Increment());
        Assert.Contains("silo-a does not run", refused.Message, StringComparison.Ordinal);
        Assert.Subset(acquired.ToHashSet(), a.Silo.Shards.ActiveShards.ToHashSet());
    }

    [Fact]
    public async Task A_graceful_stop_drains_grains_and_their_shards_move_to_the_survivor()
    {
        var a = await StartAsync("silo-a");
        await using var b = await StartAsync("silo-b");
        await Eventually.TrueAsync(() => a.Silo.Shards.ActiveShards.Count + b.Silo.Shards.ActiveShards.Count == 16, "all shards run somewhere");
        var onA = KeyOn(a);
        await a.Factory.GetGrain<ICounterGrain>(onA).Increment();

        await a.DisposeAsync();

        Assert.Contains($"deactivate {onA} SiloStopping", a.Probe.Events);
        await Eventually.TrueAsync(() => b.Silo.Shards.ActiveShards.Count == 16, "the survivor runs every shard");
        Assert.Equal(1, await b.Factory.GetGrain<ICounterGrain>(onA).Increment());
    }

    [Fact]
    public async Task A_reminder_follows_its_shard_when_the_owner_crashes()
    {
        var a = await StartAsync("silo-a");
        await using var b = await StartAsync("silo-b");
        await Eventually.TrueAsync(() => a.Silo.Shards.ActiveShards.Count + b.Silo.Shards.ActiveShards.Count == 16, "all shards run somewhere");
        var onA = KeyOn(a);
        await a.Factory.GetGrain<ICounterGrain>(onA).Remind("resync", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => a.Probe.Count($"reminder {onA} resync") >= 1, "the reminder ticks on its first owner");

        await a.Silo.AbortAsync();

        await Eventually.TrueAsync(() => b.Probe.Count($"reminder {onA} resync") >= 1, "the reminder ticks on the new owner", TimeSpan.FromSeconds(60));
        await a.DisposeAsync();
    }

    private static string KeyOn(TestSilo silo)
    {
        var shards = silo.Silo.Shards.ActiveShards.ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => $"ns/svc-{i}").First(k => shards.Contains(silo.Silo.Shards.ShardOf<ICounterGrain>(k)));
    }

    private Task<TestSilo> StartAsync(string name) => TestSilo.StartAsync(
        TimeProvider.System,
        o =>
        {
            o.SiloName = name;
            o.Leases.LeaderElect = true;
            o.Leases.LeaseDuration = TimeSpan.FromSeconds(3);
            o.Leases.RenewDeadline = TimeSpan.FromSeconds(2);
            o.Leases.RetryPeriod = TimeSpan.FromMilliseconds(500);
            o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
        },
        leases,
        reminders);
}
