using Ccm.Silo.Dashboard.Assets;
using Ccm.Silo.Dashboard.Auth;
using Ccm.Silo.Dashboard.Cluster;
using Ccm.Silo.Dashboard.Local;
using Ccm.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ccm.Silo.Dashboard;

/// <summary>Registration of the dashboard (the silo host adds it when <c>--dashboard-bind-addr</c> is not 0).</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard's routes on the Dashboard listener. It reads, when they are registered, Orleans' membership
    /// and this silo's address, the reconcile layer's activations, the state board, the cloud call recorder, the watcher
    /// and <c>CcmOptions</c>; without them it still serves the silo's identity and configuration. Orleans' own
    /// dashboard is mounted too when the silo added it (<c>OrleansDashboardMount.AddCcmOrleansDashboard</c>).
    /// </summary>
    public static IServiceCollection AddCcmDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardAuthenticator>();
        services.AddSingleton<DashboardSources>();
        services.AddSingleton(sp => new CloudRates(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ClusterMembers>();
        services.AddSingleton<LocalViews>();
        services.AddSingleton(sp => new PeerClient(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ClusterReader>();
        services.AddSingleton<StaticAssets>();
        services.AddSingleton<IEndpointContributor, DashboardRoutes>();
        return services;
    }
}
