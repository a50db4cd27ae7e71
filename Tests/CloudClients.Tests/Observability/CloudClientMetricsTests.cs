using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;
using Ccm.CloudClients.Transport.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Ccm.CloudClients.Tests.Observability;

public class CloudClientMetricsTests
{
    [Fact]
    public async Task Each_attempt_is_counted_with_product_action_and_error_code_tags()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var meterFactory = new TestMeterFactory();
        using var listener = Listen(meterFactory, measurements);
        var handler = new RecordingHandler((_, i) => i == 0 ? RecordingHandler.Error(400, "Throttling.User") : RecordingHandler.Ok());
        using var metrics = new CloudClientMetrics(meterFactory);
        var transport = new OpenApiTransport(CloudProduct.Vpc, TestClients.Endpoint, TestClients.Options(), new HttpClient(handler),
            new CloudClients.Credentials.StaticCredentialProvider(TestClients.Credential(sts: true)), null, metrics, new CloudCallRecorder(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OpenApiTransport>.Instance, new Backoff(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, () => 0));

        await transport.CallAsync(CloudAction.Read("DescribeVpcs"), new RpcParameters(), TransportJsonContext.Default.OpenApiResponse, default);

        Assert.Equal(2, measurements.Count(m => m.Instrument == "ccm.cloud.requests"));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "ccm.cloud.request.duration"));
        var error = Assert.Single(measurements, m => m.Instrument == "ccm.cloud.errors");
        Assert.Equal(("VPC", "DescribeVpcs", "Throttling.User"), (error.Tags["product"], error.Tags["action"], error.Tags["code"]));
        Assert.Single(measurements, m => m.Instrument == "ccm.cloud.throttles");
        Assert.Single(measurements, m => m.Instrument == "ccm.cloud.retries");
        Assert.All(measurements.SelectMany(m => m.Tags.Values), v => Assert.DoesNotContain("DoNotLeak", v ?? ""));
    }

    [Fact]
    public async Task Budgets_report_their_rate_waiters_per_class_and_permit_waits_without_caller_keys()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var meterFactory = new TestMeterFactory();
        using var listener = Listen(meterFactory, measurements);
        using var metrics = new CloudClientMetrics(meterFactory);
        var time = new FakeTimeProvider();
        using var budget = new CloudCallBudget(CloudRateLimitText.Parse("SLB=1:1,SLB.CreateVServerGroup=2:2"),
            new AdaptiveRateOptions(), TimeSpan.FromSeconds(30), time, metrics);
        Task<Permit> Ask(CloudCallPriority priority, string key)
        {
            using var scope = CloudCallScope.Begin(priority, key);
            return budget.AcquireAsync(CloudProduct.Slb, "DescribeLoadBalancers", default).AsTask();
        }

        await Ask(CloudCallPriority.Event, "service/default/secret-name");
        var waiting = new[] { Ask(CloudCallPriority.Resync, "service/default/a"), Ask(CloudCallPriority.Resync, "service/default/b") };
        listener.RecordObservableInstruments();
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting[0];

        Assert.Equal([(2.0, "SLB", "CreateVServerGroup"), (1.0, "SLB", "*")],
            measurements.Where(m => m.Instrument == "ccm.cloud.ratelimit.rate").Select(m => (m.Value, m.Tags["product"], m.Tags["action"])).OrderByDescending(m => m.Value));
        Assert.Equal(2, measurements.Single(m => m.Instrument == "ccm.cloud.ratelimit.waiters" && m.Tags["action"] == "*" && m.Tags["priority"] == "Resync").Value);
        Assert.Equal([(0.0, "SLB", "Event"), (1.0, "SLB", "Resync")],
            measurements.Where(m => m.Instrument == "ccm.cloud.ratelimit.wait").Select(m => (m.Value, m.Tags["product"], m.Tags["priority"])));
        Assert.All(measurements.SelectMany(m => m.Tags.Values), v => Assert.DoesNotContain("service/", v ?? "", StringComparison.Ordinal));
    }

    private static MeterListener Listen(TestMeterFactory meterFactory, ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CloudClientMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        return listener;
    }

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value?.ToString();
        }

        return result;
    }

    /// <summary>A meter factory whose meters carry it as scope, so the listener ignores other tests' meters.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() => meters.ForEach(m => m.Dispose());
    }
}
