namespace Ccm.Runtime.Tests;

/// <summary>Test timings for silos on the real clock, and the check every multi-silo test makes.</summary>
internal static class ShortLeases
{
    /// <summary>Lease mode with 3 s / 2 s / 0.5 s (client-go's rules, scaled down) and 1 s reminders.</summary>
    public static void Apply(GrainRuntimeOptions options, string siloName)
    {
        options.SiloName = siloName;
        options.Leases.LeaderElect = true;
        options.Leases.LeaseDuration = TimeSpan.FromSeconds(3);
        options.Leases.RenewDeadline = TimeSpan.FromSeconds(2);
        options.Leases.RetryPeriod = TimeSpan.FromMilliseconds(500);
        options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Exact, not sampled: each silo records when it started and stopped running each shard (one process, one
    /// clock), and no two silos' intervals for one shard may overlap. Open intervals run to the end of time.
    /// </summary>
    public static void AssertNoShardRanTwice(IEnumerable<(string Silo, ShardClaim Claim)> claims)
    {
        var all = claims.ToList();
        foreach (var a in all)
        {
            foreach (var b in all.Where(b => b.Silo != a.Silo && b.Claim.Shard == a.Claim.Shard))
            {
                var disjoint = (a.Claim.To ?? DateTimeOffset.MaxValue) <= b.Claim.From || (b.Claim.To ?? DateTimeOffset.MaxValue) <= a.Claim.From;
                Assert.True(disjoint, $"shard {a.Claim.Shard} ran on {a.Silo} {a.Claim} and on {b.Silo} {b.Claim}");
            }
        }
    }
}
