namespace Ccm.Runtime.Tests;

public sealed class OptionsTests
{
    public static TheoryData<string, Action<GrainRuntimeOptions>, string> Invalid => new()
    {
        { "empty silo name", o => o.SiloName = "", "silo name ''" },
        { "upper-case silo name", o => o.SiloName = "Silo-A", "must be a DNS subdomain" },
        { "no shards", o => o.ShardCount = 0, "shard count 0" },
        { "lease not longer than deadline", o => o.Leases.RenewDeadline = TimeSpan.FromSeconds(15), "must be greater than renew deadline" },
        { "deadline within 1.2 retries", o => o.Leases.RetryPeriod = TimeSpan.FromSeconds(9), "1.2 x retry period" },
        { "fractional lease duration", o => o.Leases.LeaseDuration = TimeSpan.FromSeconds(15.5), "whole number of seconds" },
        { "jitter of one", o => o.Retry.Jitter = 1, "Retry.Jitter" },
        { "cap below base", o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(10), "Retry.MaxDelay" },
        { "zero call timeout", o => o.CallTimeout = TimeSpan.Zero, "CallTimeout" },
        { "bad lease namespace", o => o.Leases.Namespace = "Kube_System", "lease namespace" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_are_refused_with_a_message_naming_the_problem(string rule, Action<GrainRuntimeOptions> breakIt, string expected)
    {
        var options = new GrainRuntimeOptions { SiloName = "ccm-0" };
        breakIt(options);

        var errors = GrainRuntimeOptionsValidator.Errors(options);

        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"{rule}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void The_defaults_are_client_go_and_orleans_defaults_and_valid()
    {
        var options = new GrainRuntimeOptions { SiloName = "ccm-0" };

        Assert.Empty(GrainRuntimeOptionsValidator.Errors(options));
        Assert.Equal((15, 10, 2), ((int)options.Leases.LeaseDuration.TotalSeconds, (int)options.Leases.RenewDeadline.TotalSeconds, (int)options.Leases.RetryPeriod.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(15), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CallTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MinimumReminderPeriod);
        Assert.Equal(16, options.ShardCount);
    }

    [Fact]
    public void Lease_timings_are_not_checked_without_leader_election()
    {
        var options = new GrainRuntimeOptions { SiloName = "ccm-0" };
        options.Leases.LeaderElect = false;
        options.Leases.RenewDeadline = TimeSpan.FromMinutes(1);

        Assert.Empty(GrainRuntimeOptionsValidator.Errors(options));
    }
}
