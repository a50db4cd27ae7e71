using System.Text.Json.Nodes;
using Ccm.Kube.Cache;
using Ccm.Kube.Client;
using Ccm.Kube.Tests.Support;
using Ccm.Kube.Watch;
using Ccm.TestSupport;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// The bad-input catalogue's Kubernetes side (issue 18): a watch stream that ends in the middle of an event (a proxy or
/// an API server dropping the connection mid-write). For client-go that is an unexpected end of the stream, so the
/// watch simply ends and resumes from the last version decoded; the cut event comes again, whole, and no change is lost.
/// </summary>
public sealed class CutWatchOverHttpTests : EmulatorTest
{
    [Fact]
    public async Task A_watch_cut_mid_event_resumes_from_the_last_whole_event_and_loses_no_change()
    {
        using var logs = new CapturingLoggerProvider();
        var requests = new RequestLog();
        var kube = Client(new KubeClientOptions { Qps = 0, CallObserver = Calls, OuterHandlers = [requests.Handler] });
        await using var informer = new Informer<V1Service>(KubeListWatch.Services(kube), new InformerOptions<V1Service>
        {
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            LoggerFactory = logs.CreateFactory(),
        });
        informer.Start();
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => requests.WatchVersions().Count >= 1, "the first watch is open");

        Emulator.Faults.CutWatchesMidEvent("services");
        var names = new[] { Unique("cut"), Unique("after") };
        var cutVersion = long.Parse((string)Emulator.Objects.Create(Service(names[0]))["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
        Emulator.Objects.Create(Service(names[1]));

        await Eventually.TrueAsync(
            () => names.All(n => informer.Store.List().Any(s => s.Metadata.Name == n)),
            "both Services reach the cache: the one whose event was cut and the one after it", TimeSpan.FromSeconds(20));
        var resumed = requests.WatchVersions()[1]; // the watch after the cut starts before the cut event, so it comes again
        Assert.True(long.Parse(resumed!, System.Globalization.CultureInfo.InvariantCulture) < cutVersion, $"resumed from {resumed}, the cut event is {cutVersion}");
        Assert.Equal(1, requests.Lists("services")); // no relist was needed
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    private static JsonObject Service(string name) => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
    };
}
