using System.Diagnostics;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using k8s;
using Ccm.TestSupport;

namespace Ccm.Runtime.Tests.Kubernetes;

/// <summary>
/// The acceptance for shards, against the Kubernetes emulator over HTTP: silos in one process, each with its
/// own client, sharing 16 shards through Leases with short timings (3 s / 2 s / 0.5 s).
/// </summary>
public sealed class KubeShardTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Silos_share_sixteen_shards_with_each_held_by_exactly_one_silo_at_every_observation(int count)
    {
        await using var ring = await KubeRing.StartAsync();
        for (var i = 0; i < count; i++)
        {
            await ring.AddAsync($"ccm-{i}");
        }

        var converged = 0;
        var watch = Stopwatch.StartNew();
        while (converged < 10)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the silos did not settle on one holder per shard within 60 s");
            AssertNoShardEverRanTwice(ring);
            converged = await HeldOnceEachAsync(ring) ? converged + 1 : 0;
            await Task.Delay(100);
        }

        var names = ring.Silos.Select(s => s.Silo.SiloName).ToArray();
        Assert.All(ring.Silos, s => Assert.Equal(
            Enumerable.Range(0, 16).Where(shard => Rendezvous.OwnerOf(shard, names) == s.Silo.SiloName),
            s.Silo.Shards.ActiveShards));
    }

    [Fact]
    public async Task Killing_a_silo_hands_its_shards_to_the_survivors_within_the_lease_duration_plus_5_seconds()
    {
        await using var ring = await KubeRing.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await ring.AddAsync($"ccm-{i}");
        }

        await Eventually.TrueAsync(() => HeldOnceEachAsync(ring), "16 shards held once each");
        var victim = ring.Silos.First(s => s.Silo.Shards.ActiveShards.Count > 0);
        var survivors = ring.Silos.Where(s => s != victim).ToList();

        await victim.Silo.AbortAsync(); // stops renewing, releases nothing
        var killed = Stopwatch.StartNew();
        await ring.EventuallyAsync(
            async () => survivors.Sum(s => s.Silo.Shards.ActiveShards.Count) == 16 && await HeldOnceEachAsync(ring, survivors),
            "the survivors hold every shard",
            LeaseDuration + TimeSpan.FromSeconds(5));

        Assert.True(killed.Elapsed <= LeaseDuration + TimeSpan.FromSeconds(5), $"handover took {killed.Elapsed}");
        AssertNoShardEverRanTwice(ring);
        Assert.All(await ring.ShardLeasesAsync(), l => Assert.NotEqual(victim.Silo.Identity, l.Spec!.HolderIdentity));
    }

    [Fact]
    public async Task A_graceful_stop_hands_over_without_waiting_for_the_leases_to_expire()
    {
        // A long lease makes "without waiting for expiry" observable: the handover must beat it by far.
        await using var ring = await KubeRing.StartAsync();
        void Long(GrainRuntimeOptions o)
        {
            o.Leases.LeaseDuration = TimeSpan.FromSeconds(60);
            o.Leases.RenewDeadline = TimeSpan.FromSeconds(40);
        }

        var leaving = await ring.AddAsync("ccm-0", Long);
        var staying = await ring.AddAsync("ccm-1", Long);
        await Eventually.TrueAsync(() => HeldOnceEachAsync(ring), "16 shards held once each");
        Assert.NotEmpty(leaving.Silo.Shards.ActiveShards);

        var stopped = Stopwatch.StartNew();
        await leaving.StopAsync();
        await ring.EventuallyAsync(
            async () => staying.Silo.Shards.ActiveShards.Count == 16 && await HeldOnceEachAsync(ring, [staying]),
            "the staying silo holds every shard",
            TimeSpan.FromSeconds(30));

        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(60), $"handover took {stopped.Elapsed}, as long as the lease");
        var gone = await Assert.ThrowsAnyAsync<Exception>(() => ring.Observer.CoordinationV1.ReadNamespacedLeaseAsync("ccm-silo-ccm-0", "kube-system"));
        Assert.True(gone.IsNotFound(), gone.Message);
        AssertNoShardEverRanTwice(ring);
    }

    [Fact]
    public async Task A_reminder_survives_a_failover_to_another_silo()
    {
        await using var ring = await KubeRing.StartAsync();
        var first = await ring.AddAsync("ccm-0");
        var second = await ring.AddAsync("ccm-1");
        await Eventually.TrueAsync(() => HeldOnceEachAsync(ring), "16 shards held once each");
        var shards = first.Silo.Shards.ActiveShards.ToHashSet();
        var key = Enumerable.Range(0, 1000).Select(i => $"vtb-{i}").First(k => shards.Contains(first.Silo.Shards.ShardOf<ICounterGrain>(k)));

        await first.Factory.GetGrain<ICounterGrain>(key).Remind("routes", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => first.Probe.Count($"reminder {key} routes") > 0, "the reminder ticks on its first owner");
        var configMap = await ring.Observer.CoreV1.ReadNamespacedConfigMapAsync($"ccm-reminders-{first.Silo.Shards.ShardOf<ICounterGrain>(key):D2}", "kube-system");
        Assert.Contains($"ICounterGrain.{key}.routes", configMap.Data!.Keys);

        await first.Silo.AbortAsync();

        await Eventually.TrueAsync(() => second.Probe.Count($"reminder {key} routes") > 0, "the reminder ticks on the new owner");
        Assert.Equal(1, second.Probe.Count($"activate {key}"));
    }

    [Fact]
    public async Task A_reminder_stored_in_Kubernetes_fires_after_the_silo_restarts()
    {
        // The restart is a new silo of the same name with a new client: only the shard's reminder ConfigMap can
        // carry the reminder over (the in-memory variant is ReminderTests.A_reminder_fires_after_a_silo_restart).
        await using var ring = await KubeRing.StartAsync();
        var before = await ring.AddAsync("ccm-0");
        await Eventually.TrueAsync(() => HeldOnceEachAsync(ring, [before]), "the silo holds every shard");
        await before.Factory.GetGrain<ICounterGrain>("vtb-1").Remind("routes", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await before.StopAsync();

        var after = await ring.AddAsync("ccm-0");
        await ring.EventuallyAsync(() => Task.FromResult(after.Probe.Count("reminder vtb-1 routes") > 0), "the stored reminder ticks on the restarted silo", TimeSpan.FromSeconds(60));

        Assert.Equal(1, after.Probe.Count("activate vtb-1")); // woken by the tick, not by a call
    }

    [Fact]
    public async Task Without_leader_election_one_silo_owns_every_shard_with_no_lease_traffic()
    {
        await using var ring = await KubeRing.StartAsync();
        var calls = new KubeCallRecorder();
        var alone = await ring.AddAsync("ccm-0", o => o.Leases.LeaderElect = false, calls);

        Assert.Equal(16, alone.Silo.Shards.ActiveShards.Count);
        await alone.Factory.GetGrain<ICounterGrain>("vtb-1").Remind("routes", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        await alone.StopAsync();

        Assert.DoesNotContain(calls.Calls, c => c.RbacResource == "leases");
        Assert.Contains(calls.Calls, c => c.RbacResource == "configmaps");
        Assert.Empty(await ring.ShardLeasesAsync());
    }

    /// <summary>Every shard active on exactly one running silo, and its Lease names that silo's identity.</summary>
    private static async Task<bool> HeldOnceEachAsync(KubeRing ring, IReadOnlyList<TestSilo>? silos = null)
    {
        silos ??= ring.Silos;
        var views = silos.Select(s => (s.Silo.Identity, Shards: s.Silo.Shards.ActiveShards)).ToList();
        var leases = (await ring.ShardLeasesAsync()).ToDictionary(l => l.Metadata.Name!, l => l.Spec?.HolderIdentity);
        return Enumerable.Range(0, 16).All(shard =>
        {
            var holders = views.Where(v => v.Shards.Contains(shard)).ToList();
            return holders.Count == 1 && leases.GetValueOrDefault($"ccm-shard-{shard:D2}") == holders[0].Identity;
        });
    }

    private static void AssertNoShardEverRanTwice(KubeRing ring) =>
        ShortLeases.AssertNoShardRanTwice(ring.Silos.SelectMany(s => s.Silo.GetStatistics().ShardHistory.Select(c => (s.Silo.SiloName, c))));
}
