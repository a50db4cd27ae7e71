using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class WatchTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeHttp Http => fixture.Http;

    [Fact]
    public async Task Without_a_resource_version_a_watch_starts_with_synthetic_added_events()
    {
        var ns = fixture.NewNamespace();
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("before", ns));
        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + "?watch=true");

        await watch.WaitForAsync(e => e.Count >= 1, "the existing object");
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("after", ns));

        await watch.WaitForAsync(e => e.Count >= 2, "the new object");
        Assert.Equal([("ADDED", "before"), ("ADDED", "after")], watch.Summary);
    }

    [Fact]
    public async Task From_a_resource_version_a_watch_replays_exactly_what_came_after()
    {
        var ns = fixture.NewNamespace();
        var created = await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("a", ns));
        await Http.PatchAsync(Manifests.Path(ns, "configmaps", "a"), KubeHttp.MergePatch, """{"data":{"x":"1"}}""");
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("b", ns));
        await Http.DeleteAsync(Manifests.Path(ns, "configmaps", "a"));

        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + $"?watch=true&resourceVersion={created.ResourceVersion}");

        await watch.WaitForAsync(e => e.Count >= 3, "three replayed events");
        Assert.Equal([("MODIFIED", "a"), ("ADDED", "b"), ("DELETED", "a")], watch.Summary);
        var versions = watch.Events.Select(e => long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!)).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task An_expired_resource_version_ends_the_watch_with_a_410_error_event()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { RunControllers = false });
        using var http = new KubeHttp(emulator);
        var rv = emulator.ResourceVersion;
        emulator.Objects.Create(Manifests.ConfigMap("x", "default"));
        emulator.Faults.CompactHistory();

        var events = new List<JsonObject>();
        await foreach (var e in http.WatchAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={rv}"))
        {
            events.Add(e);
        }

        var error = Assert.Single(events);
        Assert.Equal("ERROR", (string?)error["type"]);
        Assert.Equal("Status", (string?)error["object"]!["kind"]);
        Assert.Equal(410, (int)error["object"]!["code"]!);
        Assert.Equal("Expired", (string?)error["object"]!["reason"]);
    }

    [Fact]
    public async Task With_the_fault_hook_an_expired_watch_is_refused_with_http_410()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { RunControllers = false });
        using var http = new KubeHttp(emulator);
        var rv = emulator.ResourceVersion;
        emulator.Objects.Create(Manifests.ConfigMap("x", "default"));
        emulator.Faults.CompactHistory();
        emulator.Faults.ExpiredWatchAsHttpStatus = true;

        var reply = await http.GetAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={rv}");

        Assert.Equal(410, reply.Status);
        Assert.Equal("Expired", reply.Reason);
        Assert.Equal("Status", (string?)reply.Object["kind"]);
    }

    [Fact]
    public async Task A_watcher_that_falls_out_of_the_history_window_gets_410()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { RunControllers = false, WatchHistorySize = 16, Seed = Demo.SeedKind.Empty });
        using var http = new KubeHttp(emulator);
        var rv = emulator.ResourceVersion;
        for (var i = 0; i < 40; i++)
        {
            emulator.Objects.Create(Manifests.ConfigMap($"cm-{i}", "default"));
        }

        var events = new List<JsonObject>();
        await foreach (var e in http.WatchAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={rv}"))
        {
            events.Add(e);
        }

        Assert.Equal("ERROR", (string?)events[^1]["type"]);
        Assert.Equal(410, (int)events[^1]["object"]!["code"]!);
    }

    [Fact]
    public async Task Bookmarks_arrive_when_asked_for_and_carry_the_latest_resource_version()
    {
        var ns = fixture.NewNamespace();
        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + "?watch=true&allowWatchBookmarks=true");
        await using var plain = Http.Record(Manifests.Path(ns, "configmaps") + "?watch=true");
        await Http.PostAsync(Manifests.Path("default", "configmaps"), Manifests.ConfigMap($"elsewhere-{ns}", "default"));
        var latest = fixture.Emulator.ResourceVersion;

        await watch.WaitForAsync(e => e.Any(x => (string?)x["type"] == "BOOKMARK" && long.Parse((string)x["object"]!["metadata"]!["resourceVersion"]!) >= latest), "a bookmark at or past the newest version");
        var bookmark = watch.Events.First(x => (string?)x["type"] == "BOOKMARK")["object"]!;
        Assert.Equal("ConfigMap", (string?)bookmark["kind"]);
        Assert.DoesNotContain(plain.Events, e => (string?)e["type"] == "BOOKMARK");
    }

    [Fact]
    public async Task Timeout_seconds_ends_the_stream_with_a_final_bookmark()
    {
        var ns = fixture.NewNamespace();
        var started = DateTime.UtcNow;

        var events = new List<JsonObject>();
        await foreach (var e in Http.WatchAsync(Manifests.Path(ns, "configmaps") + "?watch=true&timeoutSeconds=1&allowWatchBookmarks=true&resourceVersion=" + fixture.Emulator.ResourceVersion))
        {
            events.Add(e);
        }

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9));
        Assert.Equal("BOOKMARK", (string?)events[^1]["type"]);
    }

    [Fact]
    public async Task A_selector_watch_sees_deleted_when_an_object_stops_matching_and_added_when_it_starts()
    {
        var ns = fixture.NewNamespace();
        var cm = Manifests.ConfigMap("a", ns);
        cm["metadata"]!["labels"] = new JsonObject { ["tier"] = "front" };
        var created = await Http.PostAsync(Manifests.Path(ns, "configmaps"), cm);
        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + $"?watch=true&labelSelector=tier%3Dfront&resourceVersion={created.ResourceVersion}");

        await Http.PatchAsync(Manifests.Path(ns, "configmaps", "a"), KubeHttp.MergePatch, """{"metadata":{"labels":{"tier":"back"}}}""");
        await Http.PatchAsync(Manifests.Path(ns, "configmaps", "a"), KubeHttp.MergePatch, """{"data":{"ignored":"yes"}}""");
        await Http.PatchAsync(Manifests.Path(ns, "configmaps", "a"), KubeHttp.MergePatch, """{"metadata":{"labels":{"tier":"front"}}}""");

        await watch.WaitForAsync(e => e.Count >= 2, "leave and re-enter");
        Assert.Equal([("DELETED", "a"), ("ADDED", "a")], watch.Summary);
        Assert.Equal("front", (string?)watch.Events[0]["object"]!["metadata"]!["labels"]!["tier"]);
    }

    [Fact]
    public async Task A_field_selector_watch_follows_one_object()
    {
        var ns = fixture.NewNamespace();
        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + "?watch=true&fieldSelector=metadata.name%3Dwanted");

        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("other", ns));
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("wanted", ns));

        await watch.WaitForAsync(e => e.Count >= 1, "the wanted object");
        Assert.Equal([("ADDED", "wanted")], watch.Summary);
    }

    [Fact]
    public async Task Closing_every_watch_ends_open_streams()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { RunControllers = false });
        using var http = new KubeHttp(emulator);
        await using var watch = http.Record("/api/v1/namespaces/default/configmaps?watch=true");
        emulator.Objects.Create(Manifests.ConfigMap("x", "default"));
        await watch.WaitForAsync(e => e.Count >= 1, "the stream is open");

        emulator.Faults.CloseAllWatches();

        await watch.WaitForEndAsync();
    }

    [Fact]
    public async Task Watches_of_other_kinds_and_namespaces_stay_quiet()
    {
        var ns = fixture.NewNamespace();
        var other = fixture.NewNamespace();
        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + "?watch=true&resourceVersion=" + fixture.Emulator.ResourceVersion);

        await Http.PostAsync(Manifests.Path(other, "configmaps"), Manifests.ConfigMap("x", other));
        await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("x", ns));
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("mine", ns));

        await watch.WaitForAsync(e => e.Count >= 1, "our own configmap");
        Assert.Equal([("ADDED", "mine")], watch.Summary);
    }
}
