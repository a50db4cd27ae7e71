using System.Collections.Concurrent;
using System.Net;
using Ccm.Kube.Cache;
using Ccm.Kube.Tests.Support;
using Ccm.TestSupport;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Tests.Watch;

/// <summary>
/// When the reflector lists again, against a scripted server: only when watching on cannot be right (410 Gone; a server
/// behind the version asked for), in both forms a server answers (an ERROR event in a 200 stream, or a refusal), and
/// always with every page before the cache changes.
/// </summary>
public sealed class RelistTests : IAsyncLifetime
{
    private readonly ScriptedListWatch<V1Service> server = new();
    private readonly ConcurrentQueue<string> seen = new();
    private Informer<V1Service> informer = null!;

    public static TheoryData<string, Exception> WatchCannotGoOn => new()
    {
        { "ERROR event 410 Expired", new KubernetesException(Objects.Status(410, "Expired", "too old resource version: 10 (42)")) },
        { "refused with HTTP 410", Refusals.Http(Objects.Status(410, "Expired", "too old resource version: 10 (42)")) },
        { "refused with HTTP 410 and no Status", Refusals.Http(HttpStatusCode.Gone, "") },
        { "ERROR event too large resource version", new KubernetesException(Objects.TooLargeResourceVersion(10, 7)) },
        { "refused as too large resource version", Refusals.Http(Objects.TooLargeResourceVersion(10, 7)) },
    };

    public Task InitializeAsync()
    {
        informer = new Informer<V1Service>(server, new InformerOptions<V1Service> { TimeProvider = new RecordingTimeProvider(), PageSize = 2 });
        informer.Subscribe(c => seen.Enqueue($"{c.Type} {c.Key} {c.Old?.Metadata.ResourceVersion ?? "-"} {c.New?.Metadata.ResourceVersion ?? "-"}"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await informer.DisposeAsync();

    [Theory]
    [MemberData(nameof(WatchCannotGoOn))]
    public async Task A_watch_that_cannot_go_on_relists_and_delivers_only_the_difference(string form, Exception failure)
    {
        server.EnqueueList("10", Objects.Service("same", "3"), Objects.Service("changed", "4"), Objects.Service("gone", "5"));
        if (failure is KubernetesException error)
        {
            server.EnqueueWatch().Fail(error);
        }
        else
        {
            server.EnqueueWatchFailure(failure);
        }

        server.EnqueueList("50", Objects.Service("same", "3"), Objects.Service("changed", "40"), Objects.Service("new", "41"));
        server.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => server.WatchCalls.Count == 2, $"the watch restarts after a relist ({form})");
        Assert.Equal(
            ["Added default/same - 3", "Added default/changed - 4", "Added default/gone - 5",
             "Modified default/changed 4 40", "Added default/new - 41", "Deleted default/gone 5 -"],
            seen);
        Assert.Equal(2, server.ListCalls.Count);
        Assert.Equal("50", server.WatchCalls[1].ResourceVersion);
    }

    [Fact]
    public async Task A_server_timeout_that_is_not_about_the_version_is_retried_without_a_relist()
    {
        server.EnqueueList("10", Objects.Service("a", "3"));
        server.EnqueueWatch().SendError(Objects.Status(504, "Timeout", "request did not complete within the allotted timeout"));
        server.EnqueueWatchFailure(Refusals.Http(Objects.Status(504, "Timeout", "request did not complete within the allotted timeout")));
        server.EnqueueWatch();
        informer.Start();

        await Eventually.TrueAsync(() => server.WatchCalls.Count == 3, "the watch is retried");

        Assert.Single(server.ListCalls);
        Assert.All(server.WatchCalls, w => Assert.Equal("10", w.ResourceVersion));
    }

    [Fact]
    public async Task Every_page_is_read_before_the_cache_changes_and_the_first_pages_version_is_the_lists()
    {
        server.EnqueuePage("10", "token-1", Objects.Service("a", "3"), Objects.Service("b", "4"));
        server.EnqueuePage("10", "token-2", Objects.Service("c", "5"), Objects.Service("d", "6"));
        server.EnqueuePage("10", null, Objects.Service("e", "7"));
        server.EnqueueWatch();
        informer.Start();

        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => server.WatchCalls.Count == 1, "the watch opens");

        Assert.Equal([null, "token-1", "token-2"], server.ListCalls.Select(c => c.Continue));
        Assert.All(server.ListCalls, c => Assert.Equal(2, c.Limit));
        Assert.Equal(5, informer.Store.Count);
        Assert.Equal("10", server.WatchCalls[0].ResourceVersion);
    }

    [Fact]
    public async Task A_continue_token_that_expired_starts_the_list_over_and_the_cache_never_holds_half_a_list()
    {
        server.EnqueuePage("10", "token-1", Objects.Service("a", "3"), Objects.Service("b", "4"));
        server.EnqueueListFailure(Refusals.Http(Objects.Status(410, "Expired", "The provided continue parameter is too old to display a consistent list result.")));
        server.EnqueuePage("20", "token-2", Objects.Service("a", "3"), Objects.Service("c", "15"));
        server.EnqueuePage("20", null, Objects.Service("d", "16"));
        server.EnqueueWatch();
        informer.Start();

        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => server.WatchCalls.Count == 1, "the watch opens");

        Assert.Equal([null, "token-1", null, "token-2"], server.ListCalls.Select(c => c.Continue));
        Assert.Equal(["Added default/a - 3", "Added default/c - 15", "Added default/d - 16"], seen);
        Assert.Equal("20", server.WatchCalls[0].ResourceVersion);
    }
}
