using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>The configuration panel: settings from the flags and the CCM options; never a credential.</summary>
internal static class ConfigView
{
    public static DashboardConfig Of(DashboardSources sources, DashboardAuthenticator auth)
    {
        var options = sources.Options;
        var ccm = sources.Ccm;
        return new DashboardConfig
        {
            Silo = sources.SiloName,
            Version = SiloApp.Version,
            Controllers = ccm is null ? [.. options.Controllers] : [.. ccm.Controllers.Order(StringComparer.Ordinal)],
            DryRun = sources.DryRun,
            Sandbox = options.Sandbox,
            ClusterCidr = (ccm?.ClusterCidr ?? options.ClusterCidr)?.ToString(),
            SiloPort = sources.SiloPort,
            LeaderElect = options.LeaderElection.Enabled,
            RegionId = ccm?.RegionId,
            VpcId = ccm?.VpcId,
            ClusterId = ccm?.ClusterId,
            RouteTableIds = ccm is null ? [] : [.. ccm.RouteTableIds],
            DashboardAuth = auth.ModeName,
            DashboardCredentialsConfigured = auth.CredentialsConfigured,
            OrleansDashboard = sources.OrleansDashboard,
        };
    }
}
