using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ccm.Kube.Cache;
using Ccm.Kube.Client;
using Ccm.Kube.Http;
using Ccm.Kube.Tests.Support;
using Ccm.Kube.Watch;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;
using k8s.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// The informer on the official client against the emulator: relists on 410 in both forms, resumes from bookmarks, and
/// never loses or repeats a change across reconnects.
/// </summary>
public sealed class InformerOverHttpTests : EmulatorTest
{
    private static readonly KubeCall WatchServices = new("watch", "", "services", null, null);

    private readonly string app = Unique("app");
    private readonly ConcurrentQueue<ObjectChange<V1Service>> changes = new();
    private readonly RequestLog requests = new();

    protected override KubeEmulatorOptions EmulatorOptions => base.EmulatorOptions with { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task An_expired_watch_error_event_relists_and_delivers_only_the_difference()
    {
        await using var informer = await StartedInformerAsync(["same", "changed", "gone"]);

        await ChangeWhileDisconnectedAndCompactAsync();

        await Eventually.TrueAsync(() => changes.Count == 6, "the relist delivers three differences");
        AssertRelistDelivered();
    }

    [Fact]
    public async Task An_expired_watch_refused_with_http_410_relists_too()
    {
        Emulator.Faults.ExpiredWatchAsHttpStatus = true;
        await using var informer = await StartedInformerAsync(["same", "changed", "gone"]);

        await ChangeWhileDisconnectedAndCompactAsync();

        await Eventually.TrueAsync(() => changes.Count == 6, "the relist delivers three differences");
        AssertRelistDelivered();
    }

    [Fact]
    public async Task Watches_ask_for_bookmarks_and_resume_from_the_last_one_without_a_relist()
    {
        var shortWatches = TimeSpan.FromSeconds(1); // the server ends each watch after a second, with a last bookmark
        await using var informer = await StartedInformerAsync(["a"], shortWatches);
        var listed = long.Parse(informer.LastSyncResourceVersion!);

        // Writes the watch does not match move the server's version on; only a bookmark can tell the informer so.
        for (var i = 0; i < 3; i++)
        {
            Emulator.Objects.Create(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = Unique("cm"), ["namespace"] = "default" } });
        }

        var head = Emulator.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => requests.WatchVersions().Contains(head), "a watch resumes from the bookmark's version");

        Assert.Equal(listed.ToString(System.Globalization.CultureInfo.InvariantCulture), requests.WatchVersions()[0]);
        Assert.Equal(1, requests.Lists("services"));
        Assert.All(requests.Requests.Where(r => r.PathAndQuery.Contains("watch=true", StringComparison.Ordinal)),
            r => Assert.Contains("allowWatchBookmarks=true", r.PathAndQuery));
    }

    [Fact]
    public async Task A_bookmark_spares_the_relist_after_the_history_is_compacted()
    {
        await using var informer = await StartedInformerAsync(["a"]);
        Emulator.Objects.Create(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = Unique("cm"), ["namespace"] = "default" } });
        var head = Emulator.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => informer.LastSyncResourceVersion == head, "a bookmark carries the informer to the server's version");

        Emulator.Faults.CompactHistory();
        Emulator.Faults.CloseAllWatches();
        Emulator.Objects.Create(ServiceJson($"{app}-after"));

        await Eventually.TrueAsync(() => changes.Any(c => c.Key == $"default/{app}-after"), "the change after the compaction arrives");
        Assert.Equal(1, requests.Lists("services"));
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task Every_change_arrives_once_with_the_right_old_object_across_forced_reconnects()
    {
        await using var informer = await StartedInformerAsync([]);
        var writes = 0;
        for (var round = 0; round < 6; round++)
        {
            long lastWrite = 0;
            for (var i = 0; i < 5; i++)
            {
                var name = $"{app}-{i}";
                var written = Emulator.Objects.Get("services", "default", name) is null
                    ? Emulator.Objects.Create(ServiceJson(name))
                    : (round + i) % 4 == 3
                        ? Emulator.Objects.Delete("services", "default", name)
                        : Emulator.Objects.Patch("services", "default", name, KubePatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["round"] = $"{round}" } } });
                lastWrite = Math.Max(lastWrite, long.Parse((string)written["metadata"]!["resourceVersion"]!));
                writes++;
            }

            // Only a watch opened after the previous close can deliver this round: waiting for it proves a reconnect.
            await Eventually.TrueAsync(() => long.Parse(informer.LastSyncResourceVersion ?? "0") >= lastWrite, $"round {round} reaches the cache");
            Emulator.Faults.CloseAllWatches();
        }

        var expected = Emulator.Objects.List("services", "default", $"app={app}")
            .ToDictionary(o => (string)o["metadata"]!["name"]!, o => (string)o["metadata"]!["resourceVersion"]!);
        await Eventually.TrueAsync(
            () => informer.Store.List().ToDictionary(c => c.Metadata.Name!, c => c.Metadata.ResourceVersion!).OrderBy(p => p.Key).SequenceEqual(expected.OrderBy(p => p.Key)),
            "the cache converges on the server's state");

        var delivered = changes.ToList();
        Assert.Equal(writes, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Select(c => c.Object.Metadata.ResourceVersion).Distinct().Count());
        foreach (var perObject in delivered.GroupBy(c => c.Key))
        {
            string? cached = null; // the version the cache held for this key before the change; null when absent
            foreach (var change in perObject)
            {
                switch (change.Type)
                {
                    case ChangeType.Added:
                        Assert.Null(cached);
                        Assert.Null(change.Old);
                        cached = change.New!.Metadata.ResourceVersion;
                        break;
                    case ChangeType.Modified:
                        Assert.Equal(cached, change.Old!.Metadata.ResourceVersion);
                        cached = change.New!.Metadata.ResourceVersion;
                        break;
                    default:
                        Assert.NotNull(cached);
                        Assert.Null(change.New);
                        cached = null;
                        break;
                }
            }
        }

        Assert.True(Calls.Counts[WatchServices] >= 6, "a new watch delivered each round");
        Assert.Equal(1, requests.Lists("services"));
    }

    private async Task<Informer<V1Service>> StartedInformerAsync(string[] names, TimeSpan? watchTimeout = null)
    {
        foreach (var name in names)
        {
            Emulator.Objects.Create(ServiceJson($"{app}-{name}"));
        }

        var kube = Client(new KubeClientOptions { Qps = 0, CallObserver = Calls, OuterHandlers = [requests.Handler] });
        var informer = new Informer<V1Service>(KubeListWatch.Services(kube), new InformerOptions<V1Service>
        {
            LabelSelector = $"app={app}",
            InitialBackoff = TimeSpan.FromMilliseconds(50),
            MinWatchTimeout = watchTimeout ?? TimeSpan.FromMinutes(5),
            MaxWatchTimeout = watchTimeout ?? TimeSpan.FromMinutes(10),
            DetectMutation = true,
        });
        informer.Subscribe(changes.Enqueue);
        informer.Start();
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return informer;
    }

    /// <summary>
    /// Holds the informer's next watch back (request latency), ends its current one, changes objects and compacts the
    /// history, so the reconnect asks for a version the server has forgotten.
    /// </summary>
    private async Task ChangeWhileDisconnectedAndCompactAsync()
    {
        Emulator.Faults.RequestLatency = TimeSpan.FromSeconds(2);
        Emulator.Faults.CloseAllWatches();
        Emulator.Objects.Patch("services", "default", $"{app}-changed", KubePatchType.Merge, """{"metadata":{"annotations":{"k":"v"}}}""");
        Emulator.Objects.Delete("services", "default", $"{app}-gone");
        Emulator.Objects.Create(ServiceJson($"{app}-new"));
        Emulator.Faults.CompactHistory();
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Emulator.Faults.RequestLatency = TimeSpan.Zero;
    }

    private void AssertRelistDelivered()
    {
        var afterRelist = changes.Skip(3).Select(c => $"{c.Type} {c.Key.Replace(app + "-", "", StringComparison.Ordinal)}").Order();
        Assert.Equal(["Added default/new", "Deleted default/gone", "Modified default/changed"], afterRelist);
        var modified = changes.Single(c => c.Type == ChangeType.Modified);
        Assert.False(modified.Old!.Metadata.Annotations?.ContainsKey("k") ?? false);
        Assert.Equal("v", modified.New!.Metadata.Annotations["k"]);
        Assert.Equal(2, requests.Lists("services"));
    }

    private JsonObject ServiceJson(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = app } },
        ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
    };
}
