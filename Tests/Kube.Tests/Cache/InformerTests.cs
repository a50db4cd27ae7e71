using System.Collections.Concurrent;
using System.Net;
using Ccm.Kube.Api;
using Ccm.Kube.Cache;
using Ccm.Kube.Models;
using Ccm.Kube.Tests.Support;
using Ccm.TestSupport;

namespace Ccm.Kube.Tests.Cache;

public sealed class InformerTests : IAsyncLifetime
{
    private readonly ScriptedWatchApi<Service> api = new();
    private readonly RecordingTimeProvider time = new();
    private readonly ConcurrentQueue<string> seen = new();
    private Informer<Service> informer = null!;

    public Task InitializeAsync()
    {
        informer = new Informer<Service>(api, new InformerOptions<Service>
        {
            TimeProvider = time, // backoff delays pass at once, and are recorded
            MinWatchTimeout = TimeSpan.FromMinutes(5),
            MaxWatchTimeout = TimeSpan.FromMinutes(10),
        });
        informer.Subscribe(c => seen.Enqueue(Describe(c)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await informer.DisposeAsync();

    [Fact]
    public async Task Lists_then_watches_from_the_lists_version_with_bookmarks_and_a_random_timeout()
    {
        api.EnqueueList("10", Objects.Service("a", "3"), Objects.Service("b", "4"));
        api.EnqueueWatch();

        informer.Start();
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => api.WatchCalls.Count == 1, "the watch opens");

        Assert.Equal(["Added default/a - 3", "Added default/b - 4"], seen);
        var watch = api.WatchCalls[0];
        Assert.Equal("10", watch.ResourceVersion);
        Assert.True(watch.AllowWatchBookmarks);
        Assert.InRange(watch.TimeoutSeconds!.Value, 300, 600);
        Assert.Null(api.ListCalls[0].ResourceVersion);
    }

    [Fact]
    public async Task Events_arrive_with_old_and_new_and_bookmarks_move_the_resume_point()
    {
        api.EnqueueList("10", Objects.Service("a", "3"));
        var first = api.EnqueueWatch();
        api.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        first.Send(WatchEventType.Modified, Objects.Service("a", "11"))
            .Send(WatchEventType.Added, Objects.Service("b", "12"))
            .Send(WatchEventType.Deleted, Objects.Service("a", "13"))
            .Send(WatchEventType.Bookmark, Objects.Bookmark("20"))
            .End();

        await Eventually.TrueAsync(() => api.WatchCalls.Count == 2, "a new watch opens after the server ends the first");
        Assert.Equal(["Added default/a - 3", "Modified default/a 3 11", "Added default/b - 12", "Deleted default/a 13 -"], seen);
        Assert.Equal("20", api.WatchCalls[1].ResourceVersion);
        Assert.Single(api.ListCalls);
    }

    [Fact]
    public async Task A_replayed_event_after_a_reconnect_is_not_delivered_twice()
    {
        api.EnqueueList("10", Objects.Service("a", "3"));
        var first = api.EnqueueWatch();
        var second = api.EnqueueWatch();
        api.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        first.Send(WatchEventType.Modified, Objects.Service("a", "11")).Break();
        await Eventually.TrueAsync(() => api.WatchCalls.Count == 2, "the broken watch is reopened");
        second.Send(WatchEventType.Modified, Objects.Service("a", "11"))
            .Send(WatchEventType.Modified, Objects.Service("a", "12"))
            .End();
        await Eventually.TrueAsync(() => api.WatchCalls.Count == 3, "the second watch ends");

        Assert.Equal("11", api.WatchCalls[1].ResourceVersion);
        Assert.Equal(["Added default/a - 3", "Modified default/a 3 11", "Modified default/a 11 12"], seen);
    }

    [Fact]
    public async Task An_error_event_410_relists_and_delivers_the_difference()
    {
        api.EnqueueList("10", Objects.Service("same", "3"), Objects.Service("changed", "4"), Objects.Service("gone", "5"));
        var first = api.EnqueueWatch();
        api.EnqueueList("50", Objects.Service("same", "3"), Objects.Service("changed", "40"), Objects.Service("new", "41"));
        api.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        first.Send(WatchEventType.Error, null, new Status { Code = 410, Reason = "Expired", Message = "too old resource version" });

        await Eventually.TrueAsync(() => api.WatchCalls.Count == 2, "the watch restarts after the relist");
        Assert.Equal(
            ["Added default/same - 3", "Added default/changed - 4", "Added default/gone - 5",
             "Modified default/changed 4 40", "Added default/new - 41", "Deleted default/gone 5 -"],
            seen);
        Assert.Equal("50", api.WatchCalls[1].ResourceVersion);
        Assert.Equal("50", informer.LastSyncResourceVersion);
    }

    [Fact]
    public async Task A_watch_refused_with_http_410_relists()
    {
        api.EnqueueList("10", Objects.Service("a", "3"));
        api.EnqueueWatchFailure(new KubeApiException("watch services", new Status { Code = 410, Reason = "Expired" }));
        api.EnqueueList("60", Objects.Service("a", "55"));
        api.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => api.WatchCalls.Count == 2, "the watch restarts after the relist");

        Assert.Equal(2, api.ListCalls.Count);
        Assert.Equal("60", api.WatchCalls[1].ResourceVersion);
        Assert.Equal(["Added default/a - 3", "Modified default/a 3 55"], seen);
    }

    [Fact]
    public async Task Other_failures_back_off_and_resume_without_relisting()
    {
        api.EnqueueList("10", Objects.Service("a", "3"));
        api.EnqueueWatchFailure(new KubeApiException("watch services", new Status { Code = 500, Reason = "InternalError" }));
        api.EnqueueWatchFailure(new HttpRequestException("refused", null, HttpStatusCode.ServiceUnavailable));
        var third = api.EnqueueWatch();
        api.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => api.WatchCalls.Count == 3, "the watch is retried");
        third.Send(WatchEventType.Error, null, new Status { Code = 500, Reason = "InternalError" });
        await Eventually.TrueAsync(() => api.WatchCalls.Count == 4, "an ERROR event other than 410 is retried too");

        Assert.Single(api.ListCalls);
        Assert.All(api.WatchCalls, w => Assert.Equal("10", w.ResourceVersion));
    }

    [Fact]
    public async Task A_watch_refused_with_429_stays_away_as_long_as_the_server_asks()
    {
        api.EnqueueList("10", Objects.Service("a", "3"));
        api.EnqueueWatchFailure(new KubeApiException("watch services", new Status { Code = 429, Reason = "TooManyRequests" }, TimeSpan.FromSeconds(42)));
        api.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => api.WatchCalls.Count == 2, "the watch is retried");

        Assert.Contains(TimeSpan.FromSeconds(42), time.Delays);
        Assert.Single(api.ListCalls);
    }

    [Fact]
    public async Task A_failed_list_is_retried()
    {
        api.EnqueueListFailure(new HttpRequestException("refused"));
        api.EnqueueList("10", Objects.Service("a", "3"));
        api.EnqueueWatch();
        informer.Start();

        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, api.ListCalls.Count);
        Assert.True(informer.HasSynced);
    }

    [Fact]
    public async Task A_late_subscriber_first_receives_the_cached_objects()
    {
        api.EnqueueList("10", Objects.Service("a", "3"), Objects.Service("b", "4"));
        api.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        var late = new List<string>();
        using var subscription = informer.Subscribe(c => late.Add(Describe(c)));

        Assert.Equal(["Added default/a - 3", "Added default/b - 4"], late.Order());
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_the_others()
    {
        api.EnqueueList("10", Objects.Service("a", "3"));
        api.EnqueueWatch();
        using var bad = informer.Subscribe(_ => throw new InvalidOperationException("boom"));
        informer.Start();

        await informer.WaitForSyncAsync();

        Assert.Equal(["Added default/a - 3"], seen);
    }

    private static string Describe(ObjectChange<Service> c) =>
        $"{c.Type} {c.Key} {c.Old?.Metadata.ResourceVersion ?? "-"} {c.New?.Metadata.ResourceVersion ?? "-"}";
}
