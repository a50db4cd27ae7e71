namespace Ccm.Runtime.Tests;

public sealed class LeaseShardOwnershipTests
{
    [Fact]
    public async Task A_lone_silo_joins_then_acquires_every_shard_after_one_period()
    {
        using var ring = new Ring();
        var a = ring.Add("ccm-0");

        await ring.RoundAsync();
        Assert.Equal(0, a.Held);
        Assert.Equal("ccm-0_1", ring.Store["ccm-silo-ccm-0"]!.HolderIdentity);
        await ring.RoundAsync();

        Assert.Equal(16, a.Held);
        var lease = ring.Store["ccm-shard-07"]!;
        Assert.Equal(("ccm-0_1", 15, 0), (lease.HolderIdentity, lease.LeaseDurationSeconds, lease.LeaseTransitions));
        Assert.Equal("shard", lease.Labels[LeaseNames.RoleLabel]);
        Assert.Equal("ccm", lease.Labels[LeaseNames.RingLabel]);
    }

    [Fact]
    public async Task Renewing_advances_renewTime_and_keeps_acquireTime()
    {
        using var ring = new Ring();
        ring.Add("ccm-0");
        await ring.RoundsAsync(2);
        var acquired = ring.Store["ccm-shard-00"]!;

        await ring.RoundsAsync(3);

        var renewed = ring.Store["ccm-shard-00"]!;
        Assert.Equal(acquired.AcquireTime, renewed.AcquireTime);
        Assert.True(renewed.RenewTime > acquired.RenewTime);
        Assert.Equal(0, renewed.LeaseTransitions);
    }

    [Fact]
    public async Task Three_silos_started_together_split_the_shards_by_rendezvous_with_never_two_owners()
    {
        using var ring = new Ring();
        string[] names = ["ccm-0", "ccm-1", "ccm-2"];
        foreach (var name in names)
        {
            ring.Add(name);
        }

        await ring.RoundsAsync(6);

        var owners = ring.Owners();
        Assert.Equal(Enumerable.Range(0, 16).Select(s => Rendezvous.OwnerOf(s, names)), owners);
        Assert.All(ring.Silos, s => Assert.True(s.Held > 0, $"{s.Name} holds nothing"));
        Assert.All(Enumerable.Range(0, 16), s => Assert.Equal(owners[s] + "_1", ring.Store[$"ccm-shard-{s:D2}"]!.HolderIdentity));
    }

    [Fact]
    public async Task A_joining_silo_gets_its_shards_through_drain_and_release_never_by_force()
    {
        using var ring = new Ring();
        var a = ring.Add("ccm-0");
        await ring.RoundsAsync(3);
        Assert.Equal(16, a.Held);

        ring.Add("ccm-1");
        await ring.RoundsAsync(5);

        var expected = Enumerable.Range(0, 16).Select(s => Rendezvous.OwnerOf(s, ["ccm-0", "ccm-1"])).ToList();
        Assert.Equal(expected, ring.Owners());
        var moved = expected.Count(o => o == "ccm-1");
        Assert.Equal(moved, a.Host.Calls.Count(c => c.EndsWith("ShardReleased", StringComparison.Ordinal)));
        Assert.DoesNotContain(a.Host.Calls, c => c.Contains("force", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(0, 16).Where(s => expected[s] == "ccm-1"), s => Assert.Equal(1, ring.Store[$"ccm-shard-{s:D2}"]!.LeaseTransitions));
    }

    [Fact]
    public async Task A_slow_drain_keeps_the_lease_renewed_and_the_new_owner_waits()
    {
        using var ring = new Ring();
        var a = ring.Add("ccm-0");
        await ring.RoundsAsync(3);
        a.Host.DrainGate = new TaskCompletionSource();
        var b = ring.Add("ccm-1");

        await ring.RoundsAsync(20); // 40 s: far past the lease duration
        Assert.Equal(0, b.Held);
        Assert.All(ring.Store.All.Where(l => l.Name.Contains("shard", StringComparison.Ordinal)), l => Assert.Equal("ccm-0_1", l.HolderIdentity));

        a.Host.DrainGate.SetResult();
        await ring.RoundsAsync(3);
        Assert.True(b.Held > 0);
    }

    [Fact]
    public async Task A_crashed_silo_s_shards_move_only_after_the_lease_duration()
    {
        using var ring = new Ring();
        var a = ring.Add("ccm-0");
        var b = ring.Add("ccm-1");
        await ring.RoundsAsync(6);
        var bShards = b.Host.Active.Keys.ToHashSet();
        Assert.NotEmpty(bShards);

        b.Running = false; // crashed: no more renewals, nothing released
        var crashedAt = ring.Time.GetUtcNow();
        while (ring.Time.GetUtcNow() < crashedAt + ring.LeaseDuration - ring.RetryPeriod)
        {
            await ring.RoundAsync();
            Assert.All(bShards, s => Assert.DoesNotContain(s, a.Host.Active.Keys));
        }

        await ring.RoundsAsync(4);
        Assert.Equal(16, a.Held);
        Assert.All(bShards, s => Assert.Equal(("ccm-0_1", 1), (ring.Store[$"ccm-shard-{s:D2}"]!.HolderIdentity, ring.Store[$"ccm-shard-{s:D2}"]!.LeaseTransitions)));
    }

    [Fact]
    public async Task A_silo_that_cannot_renew_stops_its_grains_at_the_renew_deadline_before_anyone_may_take_over()
    {
        using var ring = new Ring();
        var partitioned = new InMemoryLeaseStoreView(ring.Store);
        var a = ring.Add("ccm-0", store: partitioned);
        await ring.RoundsAsync(3);
        Assert.Equal(16, a.Held);

        partitioned.Cut = true;
        var cutAt = ring.Time.GetUtcNow();
        var b = ring.Add("ccm-1");
        while (ring.Time.GetUtcNow() < cutAt + ring.RenewDeadline)
        {
            await ring.RoundAsync();
            Assert.Equal(0, b.Held);
        }

        await ring.RoundAsync();
        Assert.Equal(0, a.Held);
        Assert.Equal(16, a.Host.Calls.Count(c => c == $"stop {c.Split(' ')[1]} ShardLost force"));
        await ring.RoundsAsync(5);
        Assert.Equal(16, b.Held);
    }

    [Fact]
    public async Task A_graceful_stop_hands_over_without_waiting_for_expiry()
    {
        using var ring = new Ring();
        var a = ring.Add("ccm-0");
        var b = ring.Add("ccm-1");
        await ring.RoundsAsync(6);
        var aShards = a.Host.Active.Keys.ToHashSet();

        a.Ownership.BeginLeaving();
        var leftAt = ring.Time.GetUtcNow();
        await ring.RoundAsync();
        Assert.Null(ring.Store["ccm-silo-ccm-0"]);
        await ring.RoundsAsync(3);

        Assert.Equal(0, a.Held);
        Assert.Equal(16, b.Held);
        Assert.True(ring.Time.GetUtcNow() - leftAt < ring.LeaseDuration);
        Assert.All(aShards, s => Assert.Contains($"stop {s} SiloStopping", a.Host.Calls));
    }

    [Fact]
    public async Task A_restarted_silo_with_the_same_name_waits_out_its_previous_incarnation()
    {
        using var ring = new Ring();
        var old = ring.Add("ccm-0", incarnation: "old");
        await ring.RoundsAsync(3);
        old.Running = false;
        var crashedAt = ring.Time.GetUtcNow();

        var fresh = ring.Add("ccm-0", incarnation: "new");
        while (ring.Time.GetUtcNow() < crashedAt + ring.LeaseDuration - ring.RetryPeriod)
        {
            await ring.RoundAsync();
            Assert.Equal(0, fresh.Held);
        }

        await ring.RoundsAsync(5);
        Assert.Equal(16, fresh.Held);
        Assert.Equal("ccm-0_new", ring.Store["ccm-silo-ccm-0"]!.HolderIdentity);
    }

    [Fact]
    public async Task A_lease_overwritten_by_another_holder_is_lost_at_once()
    {
        using var ring = new Ring();
        var a = ring.Add("ccm-0");
        await ring.RoundsAsync(3);
        var stolen = ring.Store["ccm-shard-05"]!;
        await ring.Store.ReplaceAsync(stolen with { HolderIdentity = "intruder_1" }, CancellationToken.None);

        await ring.RoundAsync();

        Assert.DoesNotContain(5, a.Host.Active.Keys);
        Assert.Contains("stop 5 ShardLost force", a.Host.Calls);
    }

    /// <summary>A store view that can be cut off from one silo only (a network partition).</summary>
    private sealed class InMemoryLeaseStoreView(InMemoryLeaseStore inner) : ILeaseStore
    {
        public bool Cut { get; set; }

        public Task<IReadOnlyList<LeaseRecord>> ListAsync(string labelKey, string labelValue, CancellationToken cancellationToken) =>
            Cut ? throw new HttpRequestException("partitioned") : inner.ListAsync(labelKey, labelValue, cancellationToken);

        public Task<LeaseRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
            Cut ? throw new HttpRequestException("partitioned") : inner.GetAsync(name, cancellationToken);

        public Task<LeaseRecord?> CreateAsync(LeaseRecord lease, CancellationToken cancellationToken) =>
            Cut ? throw new HttpRequestException("partitioned") : inner.CreateAsync(lease, cancellationToken);

        public Task<LeaseRecord?> ReplaceAsync(LeaseRecord lease, CancellationToken cancellationToken) =>
            Cut ? throw new HttpRequestException("partitioned") : inner.ReplaceAsync(lease, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
            Cut ? throw new HttpRequestException("partitioned") : inner.DeleteAsync(name, cancellationToken);
    }
}
