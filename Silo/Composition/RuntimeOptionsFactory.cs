using Ccm.Runtime;
using Ccm.Silo.Options;

namespace Ccm.Silo.Composition;

/// <summary>The grain runtime's options from the flags: shards, silo name, idle timeout and the leader-election Leases.</summary>
public static class RuntimeOptionsFactory
{
    public static void Apply(GrainRuntimeOptions runtime, SiloOptions options)
    {
        var lease = options.LeaderElection;
        runtime.SiloName = options.SiloName;
        runtime.ShardCount = options.Shards;
        runtime.IdleTimeout = options.GrainIdleTimeout;
        runtime.Leases.LeaderElect = lease.Enabled;
        runtime.Leases.ResourceName = lease.ResourceName;
        runtime.Leases.Namespace = lease.ResourceNamespace;
        runtime.Leases.LeaseDuration = lease.LeaseDuration;
        runtime.Leases.RenewDeadline = lease.RenewDeadline;
        runtime.Leases.RetryPeriod = lease.RetryPeriod;
        runtime.Leases.AdvertisedAddress = AdvertisedAddress(options);
    }

    /// <summary>
    /// Where peers (the dashboard's cross-silo reads) reach this silo: <c>$POD_IP</c> and the dashboard port in a pod;
    /// the dashboard's own address when it is bound to a specific IP and port (the sandbox, tests); else unknown.
    /// </summary>
    public static string? AdvertisedAddress(SiloOptions options)
    {
        if (options.DashboardBindAddress is not { } dashboard)
        {
            return null;
        }

        if (options.PodIP is { } podIp && dashboard.Port != 0)
        {
            return new UriBuilder("http", podIp, dashboard.Port).Uri.ToString().TrimEnd('/');
        }

        return dashboard.IsWildcard || dashboard.Port == 0 ? null : dashboard.ToUrl(dashboard.Port).TrimEnd('/');
    }
}
