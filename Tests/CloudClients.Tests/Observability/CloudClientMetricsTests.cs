using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ccm.CloudClients.Observability;
using Ccm.CloudClients.Tests.Fakes;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Tests.Observability;

public class CloudClientMetricsTests
{
    [Fact]
    public async Task Each_attempt_is_counted_with_product_action_and_error_code_tags()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var meterFactory = new TestMeterFactory();
        using var listener = new MeterListener
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
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        var handler = new RecordingHandler((_, i) => i == 0 ? RecordingHandler.Error(400, "Throttling.User") : RecordingHandler.Ok());
        using var metrics = new CloudClientMetrics(meterFactory);
        var transport = new OpenApiTransport(CloudClients.Endpoints.CloudProduct.Vpc, TestClients.Endpoint, TestClients.Options(), new HttpClient(handler),
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
