using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ccm.Kube.Api;
using Ccm.Kube.Cache;
using Ccm.Kube.Models;
using Ccm.Sandbox.Kube;
using Ccm.TestSupport;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>The informer against the emulator: relist on 410 in both forms, and no loss or duplicate across reconnects.</summary>
public sealed class InformerOverHttpTests : EmulatorTest
{
    private readonly string app = Unique("app");
    private readonly ConcurrentQueue<ObjectChange<ConfigMap>> changes = new();

    [Fact]
    public async Task An_expired_watch_error_event_relists_and_delivers_only_the_difference()
    {
        await using var informer = await StartedInformerAsync("same", "changed", "gone");

        await ChangeWhileDisconnectedAndCompactAsync();

        await Eventually.TrueAsync(() => changes.Count == 6, "the relist delivers three differences");
        AssertRelistDelivered();
    }

    [Fact]
    public async Task An_expired_watch_refused_with_http_410_relists_too()
    {
        Emulator.Faults.ExpiredWatchAsHttpStatus = true;
        await using var informer = await StartedInformerAsync("same", "changed", "gone");

        await ChangeWhileDisconnectedAndCompactAsync();

        await Eventually.TrueAsync(() => changes.Count == 6, "the relist delivers three differences");
        AssertRelistDelivered();
    }

    [Fact]
    public async Task Every_change_arrives_once_with_the_right_old_object_across_forced_reconnects()
    {
        await using var informer = await StartedInformerAsync();
        var writes = 0;
        for (var round = 0; round < 6; round++)
        {
            long lastWrite = 0;
            for (var i = 0; i < 5; i++)
            {
                var name = $"{app}-{i}";
                var written = Emulator.Objects.Get("configmaps", "default", name) is null
                    ? Emulator.Objects.Create(ConfigMapJson(name))
                    : (round + i) % 4 == 3
                        ? Emulator.Objects.Delete("configmaps", "default", name)
                        : Emulator.Objects.Patch("configmaps", "default", name, KubePatchType.Merge, new JsonObject { ["data"] = new JsonObject { ["round"] = $"{round}" } });
                lastWrite = Math.Max(lastWrite, long.Parse((string)written["metadata"]!["resourceVersion"]!));
                writes++;
            }

            // Only a watch opened after the previous close can deliver this round: waiting for it proves a reconnect.
            await Eventually.TrueAsync(() => long.Parse(informer.LastSyncResourceVersion ?? "0") >= lastWrite, $"round {round} reaches the cache");
            Emulator.Faults.CloseAllWatches();
        }

        var expected = Emulator.Objects.List("configmaps", "default", $"app={app}")
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

        Assert.True(Calls.Counts[new KubeCall("watch", "", "configmaps", null, "default")] >= 6, "a new watch delivered each round");
        Assert.Equal(1, Calls.Counts[new KubeCall("list", "", "configmaps", null, "default")]);
    }

    private async Task<Informer<ConfigMap>> StartedInformerAsync(params string[] names)
    {
        foreach (var name in names)
        {
            Emulator.Objects.Create(ConfigMapJson($"{app}-{name}"));
        }

        var informer = new Informer<ConfigMap>(Api, new InformerOptions<ConfigMap>
        {
            Namespace = "default",
            LabelSelector = $"app={app}",
            InitialBackoff = TimeSpan.FromMilliseconds(50),
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
        Emulator.Objects.Patch("configmaps", "default", $"{app}-changed", KubePatchType.Merge, """{"data":{"k":"v"}}""");
        Emulator.Objects.Delete("configmaps", "default", $"{app}-gone");
        Emulator.Objects.Create(ConfigMapJson($"{app}-new"));
        Emulator.Faults.CompactHistory();
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Emulator.Faults.RequestLatency = TimeSpan.Zero;
    }

    private void AssertRelistDelivered()
    {
        var afterRelist = changes.Skip(3).Select(c => $"{c.Type} {c.Key.Replace(app + "-", "", StringComparison.Ordinal)}").Order();
        Assert.Equal(["Added default/new", "Deleted default/gone", "Modified default/changed"], afterRelist);
        var modified = changes.Single(c => c.Type == ChangeType.Modified);
        Assert.Null(modified.Old!.Data);
        Assert.Equal("v", modified.New!.Data!["k"]);
        Assert.Equal(2, Calls.Counts[new KubeCall("list", "", "configmaps", null, "default")]);
    }

    private JsonObject ConfigMapJson(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = app } },
    };
}
