using Ccm.Silo.CloudConfiguration;
using Ccm.Silo.Dashboard;
using Ccm.Silo.Health;
using Ccm.Silo.Memory;
using Ccm.Silo.Metrics;
using Ccm.Silo.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Ccm.Silo.Hosting;

/// <summary>
/// Builds the silo's host in two steps so components can plug in between them:
/// <code>
/// var builder = SiloHost.CreateBuilder(options, cloudConfig);
/// builder.Services.AddSingleton&lt;IReadinessCheck, ...&gt;();      // and grains, watchers, the dashboard...
/// await using var app = SiloHost.Build(builder);
/// await app.RunAsync();
/// </code>
/// Registered here: <see cref="SiloOptions"/>, <see cref="CloudConfig"/> (when given), the effective
/// <see cref="FeatureGates"/>, <see cref="TimeProvider"/>, <see cref="ReadinessRegistry"/>, <see cref="LivenessMonitor"/>,
/// <see cref="ShutdownCoordinator"/>, the metrics (<see cref="MetricsServiceCollectionExtensions.AddSiloMetrics"/>), <see cref="SiloListeners"/>, and the dashboard
/// (<see cref="DashboardServiceCollectionExtensions.AddCcmDashboard"/>) unless <c>--dashboard-bind-addr=0</c>.
/// </summary>
public static class SiloHost
{
    public static WebApplicationBuilder CreateBuilder(SiloOptions options, CloudConfig? cloudConfig)
    {
        // No Args: the silo's flags are not ASP.NET configuration keys.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "Ccm.Silo",
            ContentRootPath = AppContext.BaseDirectory,
        });
        SiloLogging.Configure(builder.Logging, options);

        // The .NET container images set ASPNETCORE_HTTP_PORTS; the silo listens only where its flags say, without a
        // warning about it. (An ASPNETCORE_URLS set by hand still draws Kestrel's warning that it is ignored.)
        builder.Configuration[WebHostDefaults.HttpPortsKey] = "";
        builder.Configuration[WebHostDefaults.HttpsPortsKey] = "";

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton((cloudConfig?.FeatureGates ?? FeatureGates.Empty).Overriding(options.FeatureGates));
        if (cloudConfig is not null)
        {
            services.AddSingleton(cloudConfig);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LivenessMonitor>();
        services.AddSingleton<ReadinessRegistry>();
        services.AddSiloMetrics(options);
        services.AddSingleton<ShutdownCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownCoordinator>());
        if (options.MemoryTrimPeriod > TimeSpan.Zero)
        {
            services.TryAddSingleton<IProcessHeap, RuntimeProcessHeap>();
            services.AddHostedService<HeapTrimmer>();
        }

        // The host must wait for the graceful stop it runs, plus a margin for the server to close.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout + TimeSpan.FromSeconds(5));

        var listeners = new SiloListeners(ListenerPlan.From(options));
        services.AddSingleton(listeners);
        if (listeners.Planned.IsEmpty)
        {
            services.Replace(ServiceDescriptor.Singleton<IServer, NoListenersServer>());
        }
        else
        {
            services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelListenerSetup>();
        }

        if (options.DashboardBindAddress is not null)
        {
            services.AddCcmDashboard();
        }

        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();

        // Build the meter provider first so it listens before any component records a measurement.
        app.Services.GetRequiredService<MeterProvider>();
        app.Services.GetRequiredService<SiloMetrics>();

        app.UseRouting();
        app.UseListenerRoles();
        MapForRole(app, ListenerRoles.Health, HealthEndpoints.Map);
        MapForRole(app, ListenerRoles.Metrics, MetricsEndpoint.Map);
        foreach (var contributor in app.Services.GetServices<IEndpointContributor>())
        {
            MapForRole(app, contributor.Role, contributor.MapRoutes);
        }

        var options = app.Services.GetRequiredService<SiloOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ccm.Silo");
        StartupLog.Write(logger, options, app.Services.GetService<CloudConfig>());
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var listener in app.Services.GetRequiredService<SiloListeners>().Bound)
            {
                logger.LogInformation("Serving {Roles} on {Url}", listener.Roles, listener.Url);
            }
        });
        return app;
    }

    private static void MapForRole(WebApplication app, ListenerRoles role, Action<IEndpointRouteBuilder> map)
    {
        var group = app.MapGroup("");
        group.WithMetadata(new ListenerRoleMetadata(role));
        map(group);
    }
}
