using System.Collections.Concurrent;
using System.Text.Json;
using Ccm.Kube.Cache;
using Ccm.Kube.Tests.Support;
using Ccm.TestSupport;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Tests.Cache;

/// <summary>What an informer delivers, against a scripted server: every change once, in order, with old and new.</summary>
public sealed class InformerTests : IAsyncLifetime
{
    private readonly ScriptedListWatch<V1Service> server = new();
    private readonly RecordingTimeProvider time = new();
    private readonly ConcurrentQueue<string> seen = new();
    private Informer<V1Service> informer = null!;

    public Task InitializeAsync()
    {
        informer = new Informer<V1Service>(server, new InformerOptions<V1Service>
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
    public async Task Lists_then_watches_from_the_lists_version_with_a_random_timeout()
    {
        server.EnqueueList("10", Objects.Service("a", "3"), Objects.Service("b", "4"));
        server.EnqueueWatch();

        informer.Start();
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => server.WatchCalls.Count == 1, "the watch opens");

        Assert.Equal(["Added default/a - 3", "Added default/b - 4"], seen);
        var watch = server.WatchCalls[0];
        Assert.Equal("10", watch.ResourceVersion);
        Assert.InRange(watch.TimeoutSeconds, 300, 600);
        Assert.Equal(500, server.ListCalls[0].Limit);
        Assert.Null(server.ListCalls[0].Continue);
    }

    [Fact]
    public async Task Events_arrive_with_old_and_new_and_bookmarks_move_the_resume_point()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        var first = server.EnqueueWatch();
        server.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        first.Send(WatchEventType.Modified, Objects.Service("a", "11"))
            .Send(WatchEventType.Added, Objects.Service("b", "12"))
            .Send(WatchEventType.Deleted, Objects.Service("a", "13"))
            .Send(WatchEventType.Bookmark, Objects.Bookmark("20"))
            .End();

        await Eventually.TrueAsync(() => server.WatchCalls.Count == 2, "a new watch opens after the server ends the first");
        Assert.Equal(["Added default/a - 3", "Modified default/a 3 11", "Added default/b - 12", "Deleted default/a 13 -"], seen);
        Assert.Equal("20", server.WatchCalls[1].ResourceVersion);
        Assert.Single(server.ListCalls);
    }

    [Fact]
    public async Task A_replayed_event_after_a_reconnect_is_not_delivered_twice()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        var first = server.EnqueueWatch();
        var second = server.EnqueueWatch();
        server.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        first.Send(WatchEventType.Modified, Objects.Service("a", "11")).Break();
        await Eventually.TrueAsync(() => server.WatchCalls.Count == 2, "the broken watch is reopened");
        second.Send(WatchEventType.Modified, Objects.Service("a", "11"))
            .Send(WatchEventType.Modified, Objects.Service("a", "12"))
            .End();
        await Eventually.TrueAsync(() => server.WatchCalls.Count == 3, "the second watch ends");

        Assert.Equal("11", server.WatchCalls[1].ResourceVersion);
        Assert.Equal(["Added default/a - 3", "Modified default/a 3 11", "Modified default/a 11 12"], seen);
    }

    [Fact]
    public async Task Listed_and_watched_objects_are_trimmed_before_they_are_cached()
    {
        var listed = Objects.Service("a", "3");
        listed.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl" }];
        var watched = Objects.Service("b", "11");
        watched.Metadata.Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/last-applied-configuration"] = "{}" };
        server.EnqueueList("10", listed);
        var watch = server.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        watch.Send(WatchEventType.Added, watched);

        await Eventually.TrueAsync(() => informer.Store.Count == 2, "the watched object is cached");
        Assert.Null(informer.Store.Get("default", "a")!.Metadata.ManagedFields);
        Assert.Empty(informer.Store.Get("default", "b")!.Metadata.Annotations);
    }

    [Fact]
    public async Task Other_failures_back_off_and_resume_from_the_same_version_without_relisting()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        server.EnqueueWatchFailure(Refusals.Http(Objects.Status(500, "InternalError")));
        server.EnqueueWatchFailure(new HttpRequestException("connection refused"));
        var third = server.EnqueueWatch();
        server.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => server.WatchCalls.Count == 3, "the watch is retried");
        third.SendError(Objects.Status(500, "InternalError", "etcdserver: leader changed"));
        await Eventually.TrueAsync(() => server.WatchCalls.Count == 4, "an ERROR event other than 410 is retried too");

        Assert.Single(server.ListCalls);
        Assert.All(server.WatchCalls, w => Assert.Equal("10", w.ResourceVersion));
        Assert.Equal(3, time.Delays.Count(d => d >= TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task A_frame_the_client_could_not_decode_ends_the_watch_and_it_resumes_from_the_last_good_version()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        var first = server.EnqueueWatch();
        server.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        first.Send(WatchEventType.Modified, Objects.Service("a", "11")).Fail(new JsonException("'}' is invalid after a value"));

        await Eventually.TrueAsync(() => server.WatchCalls.Count == 2, "the watch is reopened");
        Assert.Equal("11", server.WatchCalls[1].ResourceVersion);
        Assert.Single(server.ListCalls);
    }

    [Fact]
    public async Task A_watch_the_server_closes_before_its_first_line_is_a_plain_end_not_a_failure()
    {
        using var logs = new CapturingLoggerProvider();
        var source = new ScriptedListWatch<V1Service>();
        await using var quiet = new Informer<V1Service>(source, new InformerOptions<V1Service> { TimeProvider = time, LoggerFactory = logs.CreateFactory() });
        source.EnqueueList("10", Objects.Service("a", "3"));
        // What KubernetesClient throws when the stream ends before any line: it reads the first line before returning.
        source.EnqueueWatchFailure(new HttpRequestException("Error while copying content to a stream.", new EndOfStreamException()));
        source.EnqueueWatch();
        quiet.Start();

        await Eventually.TrueAsync(() => source.WatchCalls.Count == 2, "the watch is reopened");

        Assert.All(source.WatchCalls, w => Assert.Equal("10", w.ResourceVersion));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task A_watch_that_ends_at_once_with_nothing_is_not_reopened_in_a_tight_loop()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        server.EnqueueWatch().End();
        server.EnqueueWatch().End();
        server.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => server.WatchCalls.Count == 3, "the watch is reopened");

        Assert.Equal(2, time.Delays.Count(d => d >= TimeSpan.FromMilliseconds(800)));
    }

    [Fact]
    public async Task A_failed_list_is_retried()
    {
        server.EnqueueListFailure(new HttpRequestException("connection refused"));
        server.EnqueueList("10", Objects.Service("a", "3"));
        server.EnqueueWatch();
        informer.Start();

        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, server.ListCalls.Count);
        Assert.True(informer.HasSynced);
    }

    [Fact]
    public async Task A_late_subscriber_first_receives_the_cached_objects()
    {
        server.EnqueueList("10", Objects.Service("a", "3"), Objects.Service("b", "4"));
        server.EnqueueWatch();
        informer.Start();
        await informer.WaitForSyncAsync();

        var late = new List<string>();
        using var subscription = informer.Subscribe(c => late.Add(Describe(c)));

        Assert.Equal(["Added default/a - 3", "Added default/b - 4"], late.Order());
    }

    [Fact]
    public async Task A_throwing_handler_does_not_stop_the_others()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        server.EnqueueWatch();
        using var bad = informer.Subscribe(_ => throw new InvalidOperationException("boom"));
        informer.Start();

        await informer.WaitForSyncAsync();

        Assert.Equal(["Added default/a - 3"], seen);
    }

    [Fact]
    public async Task With_the_mutation_detector_on_a_handler_that_changes_a_cached_object_stops_the_informer()
    {
        var source = new ScriptedListWatch<V1Service>();
        await using var detecting = new Informer<V1Service>(source, new InformerOptions<V1Service> { DetectMutation = true, TimeProvider = time });
        using var careless = detecting.Subscribe(c => c.Object.Metadata.Labels = new Dictionary<string, string> { ["touched"] = "yes" });
        source.EnqueueList("10", Objects.Service("a", "3"));
        source.EnqueueWatch().Send(WatchEventType.Modified, Objects.Service("a", "11"));
        source.EnqueueWatch();

        await Assert.ThrowsAsync<CachedObjectMutatedException>(() => detecting.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Single(source.WatchCalls); // no retry: replaying the event would meet the same changed object forever
    }

    private static string Describe(ObjectChange<V1Service> c) =>
        $"{c.Type} {c.Key} {c.Old?.Metadata.ResourceVersion ?? "-"} {c.New?.Metadata.ResourceVersion ?? "-"}";
}
