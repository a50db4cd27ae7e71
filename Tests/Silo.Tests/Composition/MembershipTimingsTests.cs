using Ccm.Silo.Composition;
using Ccm.Silo.Tests.Support;
using Orleans.Configuration;

namespace Ccm.Silo.Tests.Composition;

/// <summary><c>--leader-elect-lease-duration</c> is how soon a silo that stops answering loses its grains.</summary>
public sealed class MembershipTimingsTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("15s", 5.0)] // upstream's default: three missed 5 s probes
    [InlineData("30s", 10.0)]
    [InlineData("3s", 2.5)] // Orleans' shortest probe timeout
    [InlineData("90s", 20.0)] // Orleans' longest
    public void The_lease_duration_is_three_missed_probes(string leaseDuration, double probeSeconds)
    {
        var options = SiloTestOptions.Parse(files, $"--leader-elect-lease-duration={leaseDuration}", "--leader-elect-renew-deadline=2s", "--leader-elect-retry-period=500ms");
        var membership = new ClusterMembershipOptions();

        MembershipTimings.Apply(membership, options.LeaderElection);

        Assert.Equal(TimeSpan.FromSeconds(probeSeconds), membership.ProbeTimeout);
        Assert.Equal(3, membership.NumMissedProbesLimit);
    }
}
