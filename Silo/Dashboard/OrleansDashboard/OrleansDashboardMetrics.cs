using System.Diagnostics.Metrics;
using System.Reflection;
using Ccm.Silo.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Orleans.Runtime;

namespace Ccm.Silo.Dashboard.OrleansDashboard;

/// <summary>
/// Feeds Orleans' dashboard its silo counters with a cap on label sets. Orleans' own <c>DashboardHost</c> builds a
/// second OpenTelemetry meter provider over Orleans' meter with the SDK's default of 2,000 label sets per instrument,
/// and the SDK allocates every point up front: 89 instruments took 12.8 MB of heap in every silo, for counters that
/// carry a few label sets each. Here that host is given a meter of its own, which no instrument belongs to, so its
/// provider keeps nothing (its grain activations at start are unchanged), and <see cref="Start"/> builds the same
/// consumer over Orleans' meter with <see cref="MetricViews.MaxLabelSetsPerInstrument"/>: the same instruments, the
/// same histogram shape (no tags, no buckets), the same exporter and interval.
/// </summary>
internal sealed class OrleansDashboardMetrics(OrleansInstruments orleans, IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>The Orleans.Dashboard version this was written against (its internal types' names and constructor).</summary>
    private const string KnownVersion = "10.4.2";

    private const string HostTypeName = "Orleans.Dashboard.DashboardHost";
    private const string ExporterTypeName = "Orleans.Dashboard.Implementation.DashboardTelemetryExporter";

    /// <summary>Orleans' dashboard collects every second (<c>DashboardHost.ExportIntervalMilliseconds</c>).</summary>
    private const int ExportIntervalMilliseconds = 1000;
    private const int ExportTimeoutMilliseconds = 1000;

    private MeterProvider? provider;

    /// <summary>
    /// Gives Orleans' dashboard host a meter nothing records to and registers this consumer in its place. A version
    /// whose types differ fails the start here, naming what to look at, rather than bringing the 12.8 MB back unnoticed.
    /// </summary>
    public static void Replace(IServiceCollection services)
    {
        var assembly = typeof(DashboardOptions).Assembly;
        var host = Required(assembly, HostTypeName);
        var exporter = Required(assembly, ExporterTypeName);
        if (!typeof(BaseExporter<Metric>).IsAssignableFrom(exporter)
            || !host.GetConstructors().Any(c => c.GetParameters().Count(p => p.ParameterType == typeof(OrleansInstruments)) == 1))
        {
            throw Unknown(assembly, $"{HostTypeName} no longer takes {nameof(OrleansInstruments)}, or {ExporterTypeName} is no metric exporter");
        }

        var registered = services.SingleOrDefault(d => d.ServiceType == host)
            ?? throw Unknown(assembly, $"{HostTypeName} is not registered as itself");

        // Its own meter, with Orleans' name: the host's provider subscribes by that name and keeps only instruments of
        // this very meter (it drops the others), and none is ever created on it.
        var silent = new OrleansInstruments(new IsolatedMeterFactory());
        services[services.IndexOf(registered)] = ServiceDescriptor.Singleton(host, sp => ActivatorUtilities.CreateInstance(sp, host, silent));
        services.AddSingleton(sp => new OrleansDashboardMetrics(sp.GetRequiredService<OrleansInstruments>(), sp));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OrleansDashboardMetrics>());
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // The stage Orleans' host builds its consumer at (after the silo is active, before the application services).
        lifecycle.Subscribe<OrleansDashboardMetrics>(ServiceLifecycleStage.Active - 1, _ => { Start(); return Task.CompletedTask; });

    public void Dispose() => provider?.Dispose();

    /// <summary>How each instrument is aggregated: Orleans' dashboard's choices, with the cap on label sets.</summary>
    internal static MetricStreamConfiguration View(Instrument instrument, Meter orleans) =>
        !ReferenceEquals(instrument.Meter, orleans) ? MetricStreamConfiguration.Drop
        : instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Histogram<>)
            ? new ExplicitBucketHistogramConfiguration { TagKeys = [], Boundaries = [], RecordMinMax = false, CardinalityLimit = MetricViews.MaxLabelSetsPerInstrument }
            : new MetricStreamConfiguration { CardinalityLimit = MetricViews.MaxLabelSetsPerInstrument };

    private void Start()
    {
        var exporter = (BaseExporter<Metric>)services.GetRequiredService(Required(typeof(DashboardOptions).Assembly, ExporterTypeName));
        var meter = orleans.Meter;
        provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(meter.Name)
            .AddView(instrument => View(instrument, meter))
            .AddReader(new PeriodicExportingMetricReader(exporter, ExportIntervalMilliseconds, ExportTimeoutMilliseconds))
            .Build();
    }

    private static Type Required(Assembly assembly, string name) =>
        assembly.GetType(name, throwOnError: false) ?? throw Unknown(assembly, $"it has no {name}");

    private static InvalidOperationException Unknown(Assembly assembly, string what) => new(
        $"Orleans.Dashboard {VersionOf(assembly)}: {what}; the silo's replacement of its metrics consumer was written against {KnownVersion}. " +
        "Read how this version's DashboardHost feeds DashboardTelemetryExporter and update OrleansDashboardMetrics.");

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "(unknown version)";

    /// <summary>Meters that belong to no host: the silent meter above must not be the silo's (which would share it).</summary>
    private sealed class IsolatedMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
