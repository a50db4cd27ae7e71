using System.Text.Json.Nodes;
using Ccm.Kube.Cache;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Kube.Tests.Support;
using Ccm.Kube.Watch;
using Ccm.TestSupport;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// A watch the server closes before it sent a single line (an idle watch when the API server restarts): KubernetesClient
/// reports it as a failed read; for the informer it is the end of a watch, resumed from the same version without a
/// warning. The emulator's bookmarks come every 10 s here, so the watch is idle when it is closed.
/// </summary>
public sealed class IdleWatchOverHttpTests : EmulatorTest
{
    [Fact]
    public async Task A_watch_closed_before_any_event_resumes_quietly_from_the_same_version()
    {
        using var logs = new CapturingLoggerProvider();
        var requests = new RequestLog();
        Emulator.Objects.Create(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = Unique("n") },
        });
        var kube = Client(new KubeClientOptions { Qps = 0, CallObserver = Calls, OuterHandlers = [requests.Handler] });
        await using var informer = new Informer<V1Node>(KubeListWatch.Nodes(kube), new InformerOptions<V1Node>
        {
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            LoggerFactory = logs.CreateFactory(),
        });
        informer.Start();
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(60));

        // Closed until a second watch is seen: a close that comes before the first watch reached the server misses it.
        await Eventually.TrueAsync(() =>
        {
            Emulator.Faults.CloseAllWatches();
            return requests.WatchVersions().Count >= 2;
        }, "the watch reopens after the server closed it");

        Assert.All(requests.WatchVersions(), v => Assert.Equal(informer.LastSyncResourceVersion, v));
        Assert.Equal(1, requests.Lists("nodes"));
        Assert.True(requests.Probes("nodes") >= 1, "each resumed watch is preceded by a freshness probe");
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }
}
