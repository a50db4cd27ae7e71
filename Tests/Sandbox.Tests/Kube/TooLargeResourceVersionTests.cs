using System.Text.Json.Nodes;
using Ccm.Sandbox.Demo;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

/// <summary>
/// Reads at a resourceVersion the server has not reached, answered as kube-apiserver answers them: after waiting for
/// the store (its watch cache waits 3 s; shortened here), <c>storage.NewTooLargeResourceVersionError</c>, a 504
/// Timeout with cause <c>ResourceVersionTooLarge</c> and a retry after 1 second; as an HTTP error for lists and gets,
/// as a watch ERROR event for a watch that asked for the initial events; a plain watch is accepted and waits.
/// </summary>
public sealed class TooLargeResourceVersionTests : IAsyncLifetime
{
    private KubeEmulator emulator = null!;
    private KubeHttp http = null!;

    private string Future => (emulator.ResourceVersion + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, RunControllers = false, TooLargeResourceVersionWait = TimeSpan.FromMilliseconds(200) });
        http = new KubeHttp(emulator);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("&resourceVersionMatch=NotOlderThan")]
    [InlineData("&resourceVersionMatch=Exact")]
    [InlineData("&limit=1")]
    public async Task A_list_at_a_future_version_is_504_too_large_resource_version(string more)
    {
        var current = emulator.ResourceVersion;
        var future = Future;

        var reply = await http.GetAsync($"/api/v1/namespaces?resourceVersion={future}{more}");

        Assert.Equal(504, reply.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), reply.RetryAfter);
        Assert.Equal(TooLarge(future, current), reply.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_get_at_a_future_version_is_504_too_large_resource_version()
    {
        var reply = await http.GetAsync($"/api/v1/namespaces/default?resourceVersion={Future}");

        Assert.Equal(504, reply.Status);
        Assert.Equal("ResourceVersionTooLarge", (string?)reply.Body!["details"]!["causes"]![0]!["reason"]);
    }

    [Fact]
    public async Task A_list_at_version_0_or_a_reached_one_is_served()
    {
        var reached = emulator.ResourceVersion;

        Assert.Equal(200, (await http.GetAsync("/api/v1/namespaces?resourceVersion=0")).Status);
        Assert.Equal(200, (await http.GetAsync($"/api/v1/namespaces?resourceVersion={reached}&resourceVersionMatch=NotOlderThan")).Status);
    }

    [Fact]
    public async Task A_watch_for_initial_events_at_a_future_version_ends_with_the_504_as_an_error_event()
    {
        var current = emulator.ResourceVersion;
        var future = Future;

        var events = await http.WatchAsync(
            $"/api/v1/namespaces?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&resourceVersion={future}")
            .ToListAsync();

        var error = Assert.Single(events);
        Assert.Equal("ERROR", (string?)error["type"]);
        Assert.Equal(TooLarge(future, current), error["object"]!.ToJsonString());
    }

    [Fact]
    public async Task A_plain_watch_from_a_future_version_is_accepted_and_sends_only_what_comes_after_it()
    {
        var ns = emulator.Objects.Create(Manifests.Namespace("watched"));
        var from = long.Parse((string)ns["metadata"]!["resourceVersion"]!) + 2;
        using var client = emulator.CreateHttpClient();

        // The reply's headers come once the server has taken the watch, still ahead of the store.
        using var response = await client.GetAsync($"/api/v1/namespaces/watched/configmaps?watch=true&resourceVersion={from}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        foreach (var name in (string[])["one", "two", "three", "four"])
        {
            emulator.Objects.Create(Manifests.ConfigMap(name, "watched"));
        }

        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(string?, string?)>();
        while (events.Count < 2 && await lines.ReadLineAsync() is { } line)
        {
            var e = JsonNode.Parse(line)!;
            events.Add(((string?)e["type"], (string?)e["object"]!["metadata"]!["name"]));
        }

        Assert.Equal([("ADDED", "three"), ("ADDED", "four")], events);
    }

    [Fact]
    public async Task A_list_is_served_once_the_store_reaches_the_version_it_waited_for()
    {
        await using var patient = await KubeEmulator.StartAsync(new KubeEmulatorOptions { Seed = SeedKind.Empty, TooLargeResourceVersionWait = TimeSpan.FromMinutes(1) });
        using var client = new KubeHttp(patient);
        var next = patient.ResourceVersion + 1;

        var list = client.GetAsync($"/api/v1/namespaces?resourceVersion={next}");
        patient.Objects.Create(Manifests.Namespace("arrives"));
        var reply = await list;

        Assert.Equal(200, reply.Status);
        Assert.True(long.Parse(reply.ResourceVersion!) >= next);
        Assert.Contains(reply.Object["items"]!.AsArray(), n => (string?)n!["metadata"]!["name"] == "arrives");
    }

    private static string TooLarge(string requested, long current) =>
        new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"Timeout: Too large resource version: {requested}, current: {current}",
            ["reason"] = "Timeout",
            ["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ResourceVersionTooLarge", ["message"] = "Too large resource version" }),
                ["retryAfterSeconds"] = 1,
            },
            ["code"] = 504,
        }.ToJsonString();
}
