using Ccm.Silo.Options;
using Orleans.Configuration;

namespace Ccm.Silo.Composition;

/// <summary>
/// What upstream's leader-election timings mean on Orleans: <c>--leader-elect-lease-duration</c> is how soon a silo
/// that stops answering loses its grains. Orleans declares a silo dead after <see cref="MissedProbes"/> missed probes,
/// so a probe times out after a third of the lease duration (Orleans allows 2.5 s to 20 s). The renew deadline and
/// retry period have no counterpart (silos are probed, not renewing); the start-up log says so.
/// </summary>
public static class MembershipTimings
{
    public const int MissedProbes = 3;

    private static readonly TimeSpan MinProbe = TimeSpan.FromSeconds(2.5);
    private static readonly TimeSpan MaxProbe = TimeSpan.FromSeconds(20);

    public static void Apply(ClusterMembershipOptions membership, LeaderElectionOptions lease)
    {
        var probe = lease.LeaseDuration / MissedProbes;
        membership.ProbeTimeout = probe < MinProbe ? MinProbe : probe > MaxProbe ? MaxProbe : probe;
        membership.NumMissedProbesLimit = MissedProbes;
    }
}
