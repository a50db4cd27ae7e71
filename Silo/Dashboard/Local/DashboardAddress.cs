using Ccm.Silo.Options;

namespace Ccm.Silo.Dashboard.Local;

/// <summary>
/// Where peers reach this silo's dashboard, published as Orleans silo metadata under <see cref="MetadataKey"/>:
/// <c>$POD_IP</c> and the dashboard port in a pod; the dashboard's own address when it is bound to a specific IP and
/// port (the sandbox, tests); else none (peers then say so instead of reading this silo).
/// </summary>
public static class DashboardAddress
{
    public const string MetadataKey = "ccm.dashboard";

    public static string? Of(SiloOptions options)
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
