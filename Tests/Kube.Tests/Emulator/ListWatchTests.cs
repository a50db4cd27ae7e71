using System.Text.Json.Nodes;
using Ccm.Kube.Watch;
using Ccm.Sandbox.Kube;
using k8s;
using k8s.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// <see cref="KubeListWatch"/>, the seam the informers list and watch through, over the official client against the
/// emulator: pages with continue tokens, selectors, watch events in order, bookmarks, and the server-side timeout.
/// </summary>
public sealed class ListWatchTests : EmulatorTest
{
    private readonly string app = Unique("app");

    protected override KubeEmulatorOptions EmulatorOptions => base.EmulatorOptions with { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Pages_carry_a_continue_token_until_the_last_and_one_version_for_the_whole_list()
    {
        for (var i = 0; i < 7; i++)
        {
            Emulator.Objects.Create(ServiceJson($"{app}-{i}", odd: i % 2 == 1));
        }

        var source = KubeListWatch.Services(Kube);
        var pages = new List<ListPage<V1Service>>();
        string? next = null;
        do
        {
            var page = await source.ListAsync(new ListRequest($"app={app}", null, 3, next), CancellationToken.None);
            pages.Add(page);
            next = page.Continue;
        }
        while (next is not null);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{app}-{i}"), pages.SelectMany(p => p.Items).Select(s => s.Metadata.Name).Order());
        Assert.Single(pages.Select(p => p.ResourceVersion).Distinct());
        Assert.NotNull(pages[0].ResourceVersion);
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_on_the_server()
    {
        for (var i = 0; i < 4; i++)
        {
            Emulator.Objects.Create(ServiceJson($"{app}-{i}", odd: i % 2 == 1));
        }

        var source = KubeListWatch.Services(Kube);
        var odd = await source.ListAsync(new ListRequest($"app={app},odd=true", null, null, null), CancellationToken.None);
        var one = await source.ListAsync(new ListRequest(null, $"metadata.name={app}-2", null, null), CancellationToken.None);

        Assert.Equal([$"{app}-1", $"{app}-3"], odd.Items.Select(s => s.Metadata.Name).Order());
        Assert.Equal($"{app}-2", Assert.Single(one.Items).Metadata.Name);
        Assert.Null(odd.Continue);
    }

    [Fact]
    public async Task A_watch_from_the_lists_version_sees_every_later_change_in_order_then_ends_at_its_timeout()
    {
        var source = KubeListWatch.Services(Kube);
        var list = await source.ListAsync(new ListRequest($"app={app}", null, null, null), CancellationToken.None);
        var name = $"{app}-web";
        Emulator.Objects.Create(ServiceJson(name));
        Emulator.Objects.Patch("services", "default", name, KubePatchType.Merge, """{"metadata":{"annotations":{"k":"v"}}}""");
        Emulator.Objects.Delete("services", "default", name);

        var events = new List<(WatchEventType Type, V1Service Object)>();
        var errors = new List<Exception>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var e in source.WatchAsync(new WatchRequest($"app={app}", null, list.ResourceVersion!, 1), errors.Add, deadline.Token))
        {
            events.Add(e);
        }

        Assert.False(deadline.IsCancellationRequested); // the server ended it after timeoutSeconds
        Assert.Empty(errors);
        var changes = events.Where(e => e.Type != WatchEventType.Bookmark).ToList();
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], changes.Select(e => e.Type));
        Assert.Equal("v", changes[1].Object.Metadata.Annotations["k"]);
        var last = events[^1];
        Assert.Equal(WatchEventType.Bookmark, last.Type); // the last word before a timeout is a bookmark to resume from
        Assert.Equal(Emulator.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), last.Object.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task An_expired_version_arrives_as_an_error_not_as_an_event()
    {
        var source = KubeListWatch.Nodes(Kube);
        var list = await source.ListAsync(new ListRequest(null, null, null, null), CancellationToken.None);
        Emulator.Objects.Create(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["metadata"] = new JsonObject { ["name"] = Unique("n") } });
        Emulator.Faults.CompactHistory();

        var errors = new List<Exception>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = 0;
        try
        {
            await foreach (var _ in source.WatchAsync(new WatchRequest(null, null, list.ResourceVersion!, 5), e => { errors.Add(e); stop.Cancel(); }, stop.Token))
            {
                events++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Equal(0, events);
        Assert.True(Ccm.Kube.Client.KubeErrors.IsGone(Assert.Single(errors)));
    }

    [Fact]
    public void Each_source_names_the_resource_it_lists()
    {
        Assert.Equal(
            ["services", "endpointslices", "nodes", "pods"],
            [KubeListWatch.Services(Kube).Resource, KubeListWatch.EndpointSlices(Kube).Resource, KubeListWatch.Nodes(Kube).Resource, KubeListWatch.Pods(Kube).Resource]);
    }

    private JsonObject ServiceJson(string name, bool odd = false) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "default",
            ["labels"] = new JsonObject { ["app"] = app, ["odd"] = odd ? "true" : "false" },
        },
        ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
    };
}
