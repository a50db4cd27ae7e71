using System.Text.Json.Nodes;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class ConcurrencyAndFinalizerTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeHttp Http => fixture.Http;

    [Fact]
    public async Task A_put_with_a_stale_resource_version_is_409_Conflict()
    {
        var (ns, path) = await ConfigMapAsync();
        var first = (await Http.GetAsync(path)).Object;
        var second = (JsonObject)first.DeepClone();
        first["data"] = new JsonObject { ["k"] = "1" };
        second["data"] = new JsonObject { ["k"] = "2" };

        var winner = await Http.PutAsync(path, first);
        var loser = await Http.PutAsync(path, second);

        Assert.Equal(200, winner.Status);
        Assert.Equal(409, loser.Status);
        Assert.Equal("Conflict", loser.Reason);
        Assert.Contains("the object has been modified", (string?)loser.Object["message"]);
        Assert.Equal("1", (string?)(await Http.GetAsync(path)).Object["data"]!["k"]);
        _ = ns;
    }

    [Fact]
    public async Task A_patch_that_carries_a_stale_resource_version_is_409_and_one_without_is_applied()
    {
        var (_, path) = await ConfigMapAsync();
        var stale = (await Http.GetAsync(path)).ResourceVersion;
        await Http.PatchAsync(path, KubeHttp.MergePatch, """{"data":{"k":"1"}}""");

        var conditional = await Http.PatchAsync(path, KubeHttp.MergePatch, "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"data\":{\"k\":\"2\"}}");
        var unconditional = await Http.PatchAsync(path, KubeHttp.StrategicMergePatch, """{"data":{"k":"3"}}""");

        Assert.Equal(409, conditional.Status);
        Assert.Equal(200, unconditional.Status);
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        var (_, path) = await ConfigMapAsync();
        var current = (await Http.GetAsync(path)).Object;

        var wrongUid = await Http.DeleteAsync(path, new JsonObject { ["preconditions"] = new JsonObject { ["uid"] = "nope" } });
        var wrongRv = await Http.DeleteAsync(path, new JsonObject { ["preconditions"] = new JsonObject { ["resourceVersion"] = "1" } });
        var right = await Http.DeleteAsync(path, new JsonObject
        {
            ["preconditions"] = new JsonObject { ["uid"] = current["metadata"]!["uid"]!.DeepClone(), ["resourceVersion"] = current["metadata"]!["resourceVersion"]!.DeepClone() },
        });

        Assert.Equal(409, wrongUid.Status);
        Assert.Equal(409, wrongRv.Status);
        Assert.Equal(200, right.Status);
        Assert.Equal(404, (await Http.GetAsync(path)).Status);
    }

    [Fact]
    public async Task An_object_with_finalizers_is_only_marked_and_goes_when_the_last_finalizer_is_removed()
    {
        var (_, path) = await ConfigMapAsync("a/one", "a/two");

        var marked = await Http.DeleteAsync(path);
        var stillThere = await Http.GetAsync(path);
        var deleteAgain = await Http.DeleteAsync(path);
        var oneLeft = await Http.PatchAsync(path, KubeHttp.JsonPatch, """[{"op":"remove","path":"/metadata/finalizers/0"}]""");
        var addNew = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"metadata":{"finalizers":["a/two","a/three"]}}""");
        var last = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"metadata":{"finalizers":null}}""");

        Assert.Equal(200, marked.Status);
        Assert.NotNull(marked.Object["metadata"]!["deletionTimestamp"]);
        Assert.Equal(200, stillThere.Status);
        Assert.Equal((string?)marked.Object["metadata"]!["deletionTimestamp"], (string?)deleteAgain.Object["metadata"]!["deletionTimestamp"]);
        Assert.Equal(200, oneLeft.Status);
        Assert.Equal(422, addNew.Status);
        Assert.Equal(200, last.Status);
        Assert.Equal(404, (await Http.GetAsync(path)).Status);
    }

    [Fact]
    public async Task Finalizer_removal_is_seen_by_watchers_as_modified_then_deleted()
    {
        var (ns, path) = await ConfigMapAsync("a/one");
        var rv = (await Http.GetAsync(path)).ResourceVersion;
        await using var watch = Http.Record(Manifests.Path(ns, "configmaps") + $"?watch=true&resourceVersion={rv}");

        await Http.DeleteAsync(path);
        await Http.PatchAsync(path, KubeHttp.MergePatch, """{"metadata":{"finalizers":[]}}""");

        await watch.WaitForAsync(e => e.Count >= 2, "the mark and the removal");
        Assert.Equal(["MODIFIED", "DELETED"], watch.Summary.Select(s => s.Type));
        Assert.NotNull(watch.Events[0]["object"]!["metadata"]!["deletionTimestamp"]);
    }

    [Fact]
    public async Task Status_writes_ignore_everything_but_status_and_main_writes_ignore_status()
    {
        var ns = fixture.NewNamespace();
        var path = Manifests.Path(ns, "services", "s");
        var created = (await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("s", ns, "LoadBalancer"))).Object;

        var status = await Http.PatchAsync(path + "/status", KubeHttp.StrategicMergePatch,
            """{"metadata":{"labels":{"sneaky":"yes"}},"spec":{"sessionAffinity":"ClientIP"},"status":{"loadBalancer":{"ingress":[{"ip":"47.1.2.3"}]}}}""");
        var main = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"status":{"loadBalancer":{"ingress":[{"ip":"6.6.6.6"}]}},"metadata":{"labels":{"ok":"yes"}}}""");

        Assert.Equal("47.1.2.3", (string?)status.Object["status"]!["loadBalancer"]!["ingress"]![0]!["ip"]);
        Assert.Null(status.Object["metadata"]!["labels"]);
        Assert.Equal("None", (string?)status.Object["spec"]!["sessionAffinity"]);
        Assert.Equal(1, (int)status.Object["metadata"]!["generation"]!);
        Assert.Equal("47.1.2.3", (string?)main.Object["status"]!["loadBalancer"]!["ingress"]![0]!["ip"]);
        Assert.Equal("yes", (string?)main.Object["metadata"]!["labels"]!["ok"]);
        _ = created;
    }

    [Fact]
    public async Task Generation_moves_with_spec_changes_only()
    {
        var ns = fixture.NewNamespace();
        var path = Manifests.Path(ns, "services", "s");
        await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("s", ns));

        var labelled = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"metadata":{"labels":{"a":"b"}}}""");
        var respecced = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"spec":{"sessionAffinity":"ClientIP"}}""");

        Assert.Equal(1, (int)labelled.Object["metadata"]!["generation"]!);
        Assert.Equal(2, (int)respecced.Object["metadata"]!["generation"]!);
    }

    private async Task<(string Ns, string Path)> ConfigMapAsync(params string[] finalizers)
    {
        var ns = fixture.NewNamespace();
        var body = Manifests.ConfigMap("c", ns, ("k", "0"));
        if (finalizers.Length > 0)
        {
            body["metadata"]!["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        }

        Assert.Equal(201, (await Http.PostAsync(Manifests.Path(ns, "configmaps"), body)).Status);
        return (ns, Manifests.Path(ns, "configmaps", "c"));
    }
}
