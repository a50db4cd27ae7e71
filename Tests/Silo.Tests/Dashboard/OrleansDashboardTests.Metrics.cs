using System.Diagnostics.Metrics;
using System.Reflection;
using Ccm.Silo.Dashboard.OrleansDashboard;
using Ccm.Silo.Metrics;
using Ccm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Orleans.Runtime;

namespace Ccm.Silo.Tests.Dashboard;

/// <summary>
/// Orleans' dashboard gets its silo counters from our consumer of Orleans' meter (<see cref="OrleansDashboardMetrics"/>),
/// whose label sets are capped, while its own consumer is given a meter nothing records to.
/// </summary>
public sealed partial class OrleansDashboardTests
{
    [Fact]
    public async Task Its_silo_counters_come_from_Orleans_meter()
    {
        var counters = await Eventually.ValueAsync(
            () => JsonAsync($"/orleans/SiloCounters/{Uri.EscapeDataString(host.SiloAddress)}", Bearer(Token)),
            c => c.AsArray().Any(n => NameOf(n!).StartsWith("orleans-", StringComparison.Ordinal)),
            "the Orleans dashboard shows Orleans' counters for the silo");

        Assert.Contains(counters.AsArray(), n => NameOf(n!).StartsWith("orleans-catalog-activations", StringComparison.Ordinal));
    }

    private static string NameOf(System.Text.Json.Nodes.JsonNode counter) => (string?)(counter["name"] ?? counter["Name"]) ?? "";

    [Fact]
    public void Orleans_own_consumer_is_given_a_meter_that_is_not_Orleans()
    {
        var services = host.Silo.App.Services;
        var dashboardHost = services.GetRequiredService(typeof(Orleans.Dashboard.DashboardOptions).Assembly.GetType("Orleans.Dashboard.DashboardHost", throwOnError: true)!);
        var given = dashboardHost.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(OrleansInstruments)).Select(f => (OrleansInstruments)f.GetValue(dashboardHost)!).Single();
        var orleans = services.GetRequiredService<OrleansInstruments>();

        Assert.NotSame(orleans.Meter, given.Meter);
        Assert.Equal(orleans.Meter.Name, given.Meter.Name); // its provider subscribes by this name, then drops every instrument not of its meter
    }

    [Fact]
    public void The_consumer_keeps_Orleans_instruments_with_capped_label_sets_and_drops_the_rest()
    {
        using var orleans = new Meter("Microsoft.Orleans");
        using var other = new Meter("Microsoft.Orleans");

        var counter = OrleansDashboardMetrics.View(orleans.CreateCounter<long>("orleans-messaging-sent-messages"), orleans);
        var histogram = Assert.IsType<ExplicitBucketHistogramConfiguration>(OrleansDashboardMetrics.View(orleans.CreateHistogram<double>("orleans-grain-call-latency"), orleans));

        Assert.Equal(MetricViews.MaxLabelSetsPerInstrument, counter.CardinalityLimit);
        Assert.IsNotType<ExplicitBucketHistogramConfiguration>(counter);
        Assert.Equal(MetricViews.MaxLabelSetsPerInstrument, histogram.CardinalityLimit);
        Assert.Equal((0, 0, false), (histogram.TagKeys!.Length, histogram.Boundaries!.Length, histogram.RecordMinMax));
        Assert.Same(MetricStreamConfiguration.Drop, OrleansDashboardMetrics.View(other.CreateCounter<long>("orleans-messaging-sent-messages"), orleans));
    }
}
