using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Kube.Tests.Support;
using k8s;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// <c>--kube-api-qps</c>/<c>--kube-api-burst</c> through the official client against the emulator: the waits the limiter
/// imposed, read from a clock that records them, are exactly a token bucket's.
/// </summary>
public sealed class RateLimitOverHttpTests : EmulatorTest
{
    [Fact]
    public async Task Requests_past_the_burst_wait_one_period_more_each()
    {
        var time = new RecordingTimeProvider(); // stands still: every wait is what the bucket computed
        var calls = new KubeCallRecorder();
        var kube = Client(new KubeClientOptions { Qps = 2, Burst = 3, TimeProvider = time, CallObserver = calls });

        for (var i = 0; i < 8; i++)
        {
            await kube.CoreV1.ListNamespacedConfigMapAsync("default");
        }

        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.5], time.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(8, calls.Counts[new KubeCall("list", "", "configmaps", null, "default")]);
    }

    [Fact]
    public async Task A_watch_waits_for_its_token_like_any_request()
    {
        var time = new RecordingTimeProvider();
        var kube = Client(new KubeClientOptions { Qps = 1, Burst = 1, TimeProvider = time });
        var list = await kube.CoreV1.ListNamespacedConfigMapAsync("default");

        await foreach (var _ in kube.CoreV1.WatchListNamespacedConfigMapAsync("default", allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 1))
        {
        }

        Assert.Equal([1.0], time.Delays.Select(d => d.TotalSeconds));
    }
}
