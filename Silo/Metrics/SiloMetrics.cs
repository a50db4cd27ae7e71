using System.Diagnostics.Metrics;
using System.Reflection;
using Ccm.Silo.Options;

namespace Ccm.Silo.Metrics;

/// <summary>The silo's own instruments (meter <c>Ccm.Silo</c>); grains and the runtime create their own meters.</summary>
public sealed class SiloMetrics
{
    public const string MeterName = "Ccm.Silo";

    public SiloMetrics(IMeterFactory meters, SiloOptions options)
    {
        var meter = meters.Create(MeterName);
        var version = typeof(SiloMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        meter.CreateObservableGauge(
            "ccm.silo.build_info",
            () => new Measurement<int>(1, new("version", version), new("silo", options.SiloName)),
            description: "Always 1; the labels say which build runs as which silo.");
    }
}
