using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class ListTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeHttp Http => fixture.Http;

    [Fact]
    public async Task Lists_carry_kind_and_resource_version_and_filter_by_namespace()
    {
        var ns = fixture.NewNamespace();
        await CreateAsync(ns, 3);

        var list = await Http.GetAsync(Manifests.Path(ns, "configmaps"));
        var all = await Http.GetAsync("/api/v1/configmaps");

        Assert.Equal("ConfigMapList", (string?)list.Object["kind"]);
        Assert.Equal("v1", (string?)list.Object["apiVersion"]);
        Assert.True(long.Parse(list.ResourceVersion!) >= 1000);
        Assert.Equal(3, list.Object["items"]!.AsArray().Count);
        Assert.True(all.Object["items"]!.AsArray().Count >= 3);
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_lists()
    {
        var ns = fixture.NewNamespace();
        await CreateAsync(ns, 4);

        var even = await Http.GetAsync(Manifests.Path(ns, "configmaps") + "?labelSelector=" + Uri.EscapeDataString("parity in (even),idx!=2"));
        var byName = await Http.GetAsync(Manifests.Path(ns, "configmaps") + "?fieldSelector=metadata.name%3Dcm-3");
        var bad = await Http.GetAsync(Manifests.Path(ns, "configmaps") + "?fieldSelector=spec.nope%3D1");

        Assert.Equal(["cm-0"], Names(even));
        Assert.Equal(["cm-3"], Names(byName));
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task Pods_can_be_selected_by_node_name()
    {
        var ns = fixture.NewNamespace();
        foreach (var (name, node) in new[] { ("p1", "demo-node-1"), ("p2", "demo-node-2") })
        {
            await Http.PostAsync(Manifests.Path(ns, "pods"), new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["spec"] = new JsonObject
                {
                    ["nodeName"] = node,
                    ["schedulerName"] = "none",
                    ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "busybox" }),
                },
            });
        }

        var list = await Http.GetAsync(Manifests.Path(ns, "pods") + "?fieldSelector=spec.nodeName%3Ddemo-node-2");

        Assert.Equal(["p2"], Names(list));
    }

    [Fact]
    public async Task Pages_share_one_resource_version_and_see_a_consistent_snapshot()
    {
        var ns = fixture.NewNamespace();
        await CreateAsync(ns, 5);

        var first = await Http.GetAsync(Manifests.Path(ns, "configmaps") + "?limit=2");
        await Http.DeleteAsync(Manifests.Path(ns, "configmaps", "cm-4"));
        await Http.PostAsync(Manifests.Path(ns, "configmaps"), Manifests.ConfigMap("cm-9", ns));
        var token = (string)first.Object["metadata"]!["continue"]!;
        var second = await Http.GetAsync(Manifests.Path(ns, "configmaps") + "?limit=2&continue=" + Uri.EscapeDataString(token));
        var third = await Http.GetAsync(Manifests.Path(ns, "configmaps") + "?limit=2&continue=" + Uri.EscapeDataString((string)second.Object["metadata"]!["continue"]!));

        Assert.Equal(3, (int)first.Object["metadata"]!["remainingItemCount"]!);
        Assert.Equal(["cm-0", "cm-1"], Names(first));
        Assert.Equal(["cm-2", "cm-3"], Names(second));
        Assert.Equal(["cm-4"], Names(third));
        Assert.Null(third.Object["metadata"]!["continue"]);
        Assert.Equal(first.ResourceVersion, second.ResourceVersion);
        Assert.Equal(first.ResourceVersion, third.ResourceVersion);
    }

    [Fact]
    public async Task A_continue_token_older_than_the_history_is_410_Expired()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions { RunControllers = false });
        using var http = new KubeHttp(emulator);
        for (var i = 0; i < 3; i++)
        {
            emulator.Objects.Create(Manifests.ConfigMap($"cm-{i}", "default"));
        }

        var first = await http.GetAsync("/api/v1/namespaces/default/configmaps?limit=1");
        emulator.Objects.Create(Manifests.ConfigMap("later", "default"));
        emulator.Faults.CompactHistory();
        var expired = await http.GetAsync("/api/v1/namespaces/default/configmaps?limit=1&continue=" + Uri.EscapeDataString((string)first.Object["metadata"]!["continue"]!));

        Assert.Equal(410, expired.Status);
        Assert.Equal("Expired", expired.Reason);
        Assert.Equal("Status", (string?)expired.Object["kind"]);
    }

    [Fact]
    public async Task An_exact_list_at_an_older_version_shows_that_state()
    {
        var ns = fixture.NewNamespace();
        await CreateAsync(ns, 2);
        var rv = (await Http.GetAsync(Manifests.Path(ns, "configmaps"))).ResourceVersion;
        await Http.DeleteAsync(Manifests.Path(ns, "configmaps", "cm-0"));
        await Http.PatchAsync(Manifests.Path(ns, "configmaps", "cm-1"), KubeHttp.MergePatch, """{"data":{"x":"changed"}}""");

        var old = await Http.GetAsync(Manifests.Path(ns, "configmaps") + $"?resourceVersion={rv}&resourceVersionMatch=Exact");

        Assert.Equal(rv, old.ResourceVersion);
        Assert.Equal(["cm-0", "cm-1"], Names(old));
        Assert.Null(old.Object["items"]![1]!["data"]!["x"]);
    }

    private async Task CreateAsync(string ns, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var cm = Manifests.ConfigMap($"cm-{i}", ns);
            cm["metadata"]!["labels"] = new JsonObject { ["idx"] = i.ToString(), ["parity"] = i % 2 == 0 ? "even" : "odd" };
            Assert.Equal(201, (await Http.PostAsync(Manifests.Path(ns, "configmaps"), cm)).Status);
        }
    }

    private static List<string?> Names(KubeReply list) =>
        [.. list.Object["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"])];
}
