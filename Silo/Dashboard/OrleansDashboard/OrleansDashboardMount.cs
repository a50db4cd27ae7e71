using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Dashboard.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Ccm.Silo.Dashboard.OrleansDashboard;

/// <summary>
/// Orleans' own dashboard (silos, grain types, activations, calls), beside ours on the dashboard listener under
/// <see cref="Prefix"/>. It has no authentication of its own, so its whole route group sits behind
/// <see cref="OrleansDashboardGate"/>: our credentials, our refusals, and the views that must stay off.
/// </summary>
public static class OrleansDashboardMount
{
    public const string Prefix = "/orleans";

    /// <summary>Where our navigation links to (the page wants the trailing slash: its files are relative).</summary>
    public const string PagePath = Prefix + "/";

    /// <summary>
    /// Adds the dashboard's silo side (its grain service, profiler and statistics grain). Its live log stream ("Trace")
    /// stays off: it would show every log line of the silo to whoever opens it. Its page files stay in its assembly
    /// until a browser asks for them (<see cref="OrleansAssetProviderStandIn"/>, <see cref="OrleansDashboardAssets"/>), and
    /// its silo counters are collected with a cap on label sets (<see cref="OrleansDashboardMetrics"/>).
    /// </summary>
    public static ISiloBuilder AddCcmOrleansDashboard(this ISiloBuilder silo)
    {
        silo.AddDashboard(o => o.HideTrace = true);
        OrleansAssetProviderStandIn.Replace(silo.Services);
        OrleansDashboardMetrics.Replace(silo.Services);
        silo.Services.AddSingleton<Mounted>();
        return silo;
    }

    /// <summary>Whether this silo runs the Orleans dashboard (a bare host, or a silo without a dashboard listener, does not).</summary>
    internal static bool IsMounted(IServiceProvider services) => services.GetService<Mounted>() is not null;

    internal static void Map(IEndpointRouteBuilder routes, DashboardAuthenticator auth, DashboardSources sources)
    {
        if (IsMounted(routes.ServiceProvider))
        {
            var gate = new OrleansDashboardGate(auth, sources);
            OrleansDashboardAssets.Map(routes, Prefix).AddEndpointFilter(gate);
            routes.MapOrleansDashboard(routePrefix: Prefix).AddEndpointFilter(gate);
        }
    }

    /// <summary>Registered with the dashboard's silo side: <c>MapOrleansDashboard</c> throws without it.</summary>
    private sealed class Mounted;
}
