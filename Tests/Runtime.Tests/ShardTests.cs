namespace Ccm.Runtime.Tests;

public sealed class ShardTests
{
    private const string Missing = "missing";
    private const string Released = "released";
    private const string Mine = "mine";
    private const string LiveOther = "live other";
    private const string ExpiredOther = "expired other";

    public static TheoryData<string, ShardState, bool, bool, string, string> Steps => new()
    {
        { "a missing Lease assigned here is created", ShardState.NotHeld, true, true, Missing, "Create" },
        { "a released Lease assigned here is acquired", ShardState.NotHeld, true, true, Released, "Acquire" },
        { "an expired Lease assigned here is taken over", ShardState.NotHeld, true, true, ExpiredOther, "Acquire" },
        { "a live holder is never overtaken", ShardState.NotHeld, true, true, LiveOther, "None" },
        { "a Lease still naming us is re-acquired", ShardState.NotHeld, true, true, Mine, "Acquire" },
        { "nothing is acquired that is assigned elsewhere", ShardState.NotHeld, true, false, Released, "None" },
        { "an expired Lease assigned elsewhere is left to its owner", ShardState.NotHeld, true, false, ExpiredOther, "None" },
        { "an active shard assigned here stays", ShardState.Active, true, true, Mine, "None" },
        { "an active shard assigned elsewhere drains", ShardState.Active, true, false, Mine, "BeginDrain" },
        { "an active shard whose Lease another holds is lost", ShardState.Active, true, true, LiveOther, "Lose" },
        { "an active shard whose Lease vanished is lost", ShardState.Active, true, true, Missing, "Lose" },
        { "a drain in progress is waited for", ShardState.Draining, false, false, Mine, "None" },
        { "a finished drain releases", ShardState.Draining, true, false, Mine, "Release" },
        { "a finished drain assigned back resumes", ShardState.Draining, true, true, Mine, "Resume" },
        { "a draining shard whose Lease another holds is lost", ShardState.Draining, false, false, LiveOther, "Lose" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void The_shard_protocol_step(string rule, ShardState state, bool drained, bool assignedHere, string lease, string expected)
    {
        var view = lease switch
        {
            Missing => new LeaseView(false, false, false, false),
            Released => new LeaseView(true, false, false, false),
            Mine => new LeaseView(true, true, false, false),
            LiveOther => new LeaseView(true, false, true, false),
            _ => new LeaseView(true, false, true, true),
        };

        var step = ShardPlanner.Next(state, drained, assignedHere, view);

        Assert.True(expected == step.ToString(), $"{rule}: got {step}");
    }

    [Fact]
    public void Rendezvous_gives_every_shard_one_owner_and_spreads_them()
    {
        string[] silos = ["ccm-0", "ccm-1", "ccm-2"];
        var owners = Enumerable.Range(0, 16).Select(s => Rendezvous.OwnerOf(s, silos)).ToList();

        Assert.All(owners, o => Assert.Contains(o, silos));
        Assert.All(silos, s => Assert.InRange(owners.Count(o => o == s), 2, 10));
        Assert.Equal(owners, Enumerable.Range(0, 16).Select(s => Rendezvous.OwnerOf(s, silos.Reverse().ToArray())));
        Assert.Null(Rendezvous.OwnerOf(0, []));
    }

    [Fact]
    public void When_a_silo_leaves_only_its_shards_move()
    {
        string[] three = ["ccm-0", "ccm-1", "ccm-2"];
        string[] two = ["ccm-0", "ccm-2"];

        for (var shard = 0; shard < 64; shard++)
        {
            var before = Rendezvous.OwnerOf(shard, three);
            var after = Rendezvous.OwnerOf(shard, two);
            Assert.True(before == "ccm-1" || before == after, $"shard {shard} moved from {before} to {after}");
        }
    }

    [Fact]
    public void Shards_are_stable_across_processes_and_affinity_pins_a_type()
    {
        var map = new ShardMap(16);
        var registry = new GrainTypeRegistry(
        [
            new GrainRegistration(typeof(ICounterGrain), typeof(CounterGrain)),
            new GrainRegistration(typeof(IAffineGrain), typeof(AffineGrain)),
            new GrainRegistration(typeof(ILocalGrain), typeof(LocalGrain)),
        ]);
        var counter = registry.Get(typeof(ICounterGrain));
        var affine = registry.Get(typeof(IAffineGrain));

        // Pinned (computed by an independent FNV-1a + fmix64): a change here would move every grain and every
        // stored reminder of a running cluster to another shard.
        Assert.Equal(0xefd01f60ba992926UL, StableHash.Of(""));
        Assert.Equal(0x2dabc4102386540bUL, StableHash.Of("ICounterGrain/default/nginx"));
        Assert.Equal(11, map.ShardOf(counter, "default/nginx"));
        Assert.Equal(map.ShardOf(affine, "vtb-1"), map.ShardOf(affine, "vtb-2"));
        Assert.Equal(ShardMap.Local, map.ShardOf(registry.Get(typeof(ILocalGrain)), "watcher"));
        var spread = Enumerable.Range(0, 1600).Select(i => map.ShardOf(counter, $"ns/svc-{i}")).GroupBy(s => s).ToList();
        Assert.Equal(16, spread.Count);
        Assert.All(spread, g => Assert.InRange(g.Count(), 60, 140));
    }

    [Fact]
    public void Lease_names_follow_the_prefix()
    {
        var names = new LeaseNames("ccm");

        Assert.Equal("ccm-shard-03", names.Shard(3));
        Assert.Equal("ccm-silo-ccm-0", names.Silo("ccm-0"));
        Assert.Equal("ccm-reminders-15", names.Reminders(15));
    }
}
