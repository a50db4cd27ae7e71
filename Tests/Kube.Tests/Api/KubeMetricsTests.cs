using System.Diagnostics.Metrics;
using System.Net;
using Ccm.Kube.Api;
using Ccm.Kube.Models;
using Ccm.Kube.Tests.Support;

namespace Ccm.Kube.Tests.Api;

public class KubeMetricsTests
{
    [Fact]
    public async Task Every_request_is_counted_by_verb_resource_and_code()
    {
        var handler = new ScriptedHandler()
            .Reply(HttpStatusCode.OK, """{"kind":"Service","metadata":{"name":"web","namespace":"default"}}""")
            .Reply(HttpStatusCode.NotFound, """{"kind":"Status","reason":"NotFound","code":404}""");
        using var api = TestApi.Over(handler);
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this client's meter: other tests' clients publish on meters of the same name in parallel.
            if (ReferenceEquals(instrument.Meter, api.Metrics.Meter) && instrument.Name == "kube.client.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(p => p.Key, p => p.Value);
            lock (counted)
            {
                counted.Add($"{t["verb"]} {t["resource"]} {t["code"]} x{value}");
            }
        });
        listener.Start();

        await api.PatchStatusAsync<Service>("default", "web", KubePatch.Merge("{}"));
        await Assert.ThrowsAsync<KubeApiException>(() => api.GetAsync<Service>("default", "web"));

        Assert.Equal(["patch services/status 200 x1", "get services 404 x1"], counted);
    }
}
