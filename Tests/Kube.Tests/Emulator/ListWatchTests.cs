using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>The client against the emulator over HTTP: CRUD, list paging, selectors, watch and bookmarks.</summary>
public sealed class ListWatchTests : EmulatorTest
{
    protected override Ccm.Sandbox.Kube.KubeEmulatorOptions EmulatorOptions =>
        base.EmulatorOptions with { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Create_then_get_returns_the_server_filled_object()
    {
        var name = Unique("web");

        var created = await Api.CreateAsync(new Service
        {
            Metadata = new() { Name = name, Namespace = "default", Labels = new Dictionary<string, string> { ["app"] = name } },
            Spec = new() { Type = ServiceTypes.LoadBalancer, Ports = [new() { Port = 80, TargetPort = 8080 }], Selector = new Dictionary<string, string> { ["app"] = name } },
        });
        var read = await Api.GetAsync<Service>("default", name);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.False(string.IsNullOrEmpty(read.Spec!.ClusterIP));
        Assert.InRange(read.Spec.Ports![0].NodePort!.Value, 30000, 32767);
        Assert.Equal(8080, read.Spec.Ports[0].TargetPort!.Value.Number);
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<KubeApiException>(() => Api.GetAsync<ConfigMap>("default", Unique("nope")));

        Assert.True(ex.IsNotFound);
        Assert.Null(await Api.GetOrNullAsync<ConfigMap>("default", Unique("nope")));
    }

    [Fact]
    public async Task Creating_a_taken_name_is_already_exists()
    {
        var cm = new ConfigMap { Metadata = new() { Name = Unique("cm"), Namespace = "default" } };
        await Api.CreateAsync(cm);

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => Api.CreateAsync(cm));

        Assert.True(ex.IsAlreadyExists);
    }

    [Fact]
    public async Task Paged_lists_return_every_object_at_one_version_and_selectors_filter()
    {
        var app = Unique("app");
        for (var i = 0; i < 7; i++)
        {
            await Api.CreateAsync(new ConfigMap
            {
                Metadata = new() { Name = $"{app}-{i}", Namespace = "default", Labels = new Dictionary<string, string> { ["app"] = app, ["odd"] = (i % 2).ToString() } },
            });
        }

        var all = await Api.ListAllAsync<ConfigMap>("default", new ListOptions { LabelSelector = $"app={app}", Limit = 3 });
        var odd = await Api.ListAsync<ConfigMap>("default", new ListOptions { LabelSelector = $"app={app},odd=1" });
        var one = await Api.ListAsync<ConfigMap>(null, new ListOptions { FieldSelector = $"metadata.name={app}-4" });

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{app}-{i}").Order(), all.Items.Select(c => c.Metadata.Name!).Order());
        Assert.False(string.IsNullOrEmpty(all.Metadata.ResourceVersion));
        Assert.Equal(3, odd.Items.Count);
        Assert.Equal($"{app}-4", Assert.Single(one.Items).Metadata.Name);
        Assert.Equal(3 + 1, Calls.Counts[new KubeCall("list", "", "configmaps", null, "default")]); // three pages, then the selector list
    }

    [Fact]
    public async Task A_watch_from_the_lists_version_sees_every_later_change_in_order()
    {
        var name = Unique("cm");
        var list = await Api.ListAsync<ConfigMap>("default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var watching = Collect(Api.WatchAsync<ConfigMap>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = false }, cts.Token), 3);

        await Api.CreateAsync(new ConfigMap { Metadata = new() { Name = name, Namespace = "default" } });
        await Api.PatchAsync<ConfigMap>("default", name, KubePatch.Merge("""{"data":{"k":"v"}}"""));
        await Api.DeleteAsync<ConfigMap>("default", name);
        var events = await watching;

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal("v", events[1].Object!.Data!["k"]);
        Assert.All(events, e => Assert.Equal(name, e.Object!.Metadata.Name));
    }

    [Fact]
    public async Task Bookmarks_carry_a_version_to_resume_from()
    {
        var list = await Api.ListAsync<Node>(null);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var events = await Collect(Api.WatchAsync<Node>(null, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = true }, cts.Token), 1);

        var bookmark = Assert.Single(events);
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.True(long.Parse(bookmark.ResourceVersion!) >= long.Parse(list.Metadata.ResourceVersion!));
    }

    [Fact]
    public async Task A_watch_ends_cleanly_at_its_server_side_timeout()
    {
        var list = await Api.ListAsync<Node>(null);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var events = new List<WatchEvent<Node>>();
        await foreach (var e in Api.WatchAsync<Node>(null, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = false, TimeoutSeconds = 1 }, cts.Token))
        {
            events.Add(e);
        }

        Assert.False(cts.IsCancellationRequested);
        Assert.Empty(events);
    }

    [Fact]
    public async Task Events_of_both_apis_can_be_created()
    {
        var cm = await Api.CreateAsync(new ConfigMap { Metadata = new() { Name = Unique("cm"), Namespace = "default" } });

        var core = await Api.CreateAsync(new Event
        {
            Metadata = new() { GenerateName = "cm.", Namespace = "default" },
            InvolvedObject = ObjectReference.For(cm),
            Reason = "EnsuredLoadBalancer",
            Message = "done",
            Type = EventTypes.Normal,
            Source = new() { Component = "ccm" },
            FirstTimestamp = DateTimeOffset.UtcNow,
            LastTimestamp = DateTimeOffset.UtcNow,
            Count = 1,
        });
        var modern = await Api.CreateAsync(new EventsV1Event
        {
            Metadata = new() { GenerateName = "cm.", Namespace = "default" },
            Regarding = ObjectReference.For(cm),
            Reason = "EnsuredLoadBalancer",
            Note = "done",
            Type = EventTypes.Normal,
            Action = "Ensure",
            EventTime = DateTimeOffset.UtcNow,
            ReportingController = "ccm",
            ReportingInstance = "ccm-0",
        });

        Assert.StartsWith("cm.", core.Metadata.Name);
        Assert.Equal(cm.Metadata.Uid, modern.Regarding!.Uid);
        Assert.Contains(Calls.Calls, c => c is { Verb: "create", ApiGroup: "events.k8s.io", Resource: "events" });
        Assert.Contains(Calls.Calls, c => c is { Verb: "create", ApiGroup: "", Resource: "events" });
    }

    private static async Task<List<WatchEvent<T>>> Collect<T>(IAsyncEnumerable<WatchEvent<T>> watch, int count)
        where T : class, IKubeObject<T>
    {
        var events = new List<WatchEvent<T>>();
        await foreach (var e in watch)
        {
            events.Add(e);
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }
}
