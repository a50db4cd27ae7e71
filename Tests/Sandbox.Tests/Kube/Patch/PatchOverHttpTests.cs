using System.Text.Json.Nodes;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube.Patch;

public sealed class PatchOverHttpTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeHttp Http => fixture.Http;

    [Fact]
    public async Task Merge_patch_replaces_lists_and_deletes_with_null()
    {
        var (ns, path) = await ServiceAsync(80, 81);

        var reply = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"metadata":{"labels":{"x":"y"}},"spec":{"ports":[{"name":"only","port":90}],"sessionAffinity":null}}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal("y", (string?)reply.Object["metadata"]!["labels"]!["x"]);
        Assert.Single(reply.Object["spec"]!["ports"]!.AsArray());
        Assert.Equal("None", (string?)reply.Object["spec"]!["sessionAffinity"]); // defaulted again
        _ = ns;
    }

    [Fact]
    public async Task Json_patch_applies_operations_and_a_failed_test_changes_nothing()
    {
        var (_, path) = await ServiceAsync(80);
        var before = await Http.GetAsync(path);

        var failed = await Http.PatchAsync(path, KubeHttp.JsonPatch,
            """[{"op":"replace","path":"/spec/sessionAffinity","value":"ClientIP"},{"op":"test","path":"/metadata/name","value":"other"}]""");
        var afterFailure = await Http.GetAsync(path);
        var applied = await Http.PatchAsync(path, KubeHttp.JsonPatch,
            """[{"op":"test","path":"/spec/ports/0/port","value":80},{"op":"add","path":"/metadata/annotations","value":{"a":"b"}}]""");

        Assert.Equal(422, failed.Status);
        Assert.Equal("Invalid", failed.Reason);
        Assert.Equal(200, applied.Status);
        Assert.Equal("b", (string?)applied.Object["metadata"]!["annotations"]!["a"]);
        Assert.Equal("None", (string?)applied.Object["spec"]!["sessionAffinity"]);
        Assert.Equal(before.ResourceVersion, afterFailure.ResourceVersion);
        Assert.True(long.Parse(applied.ResourceVersion!) > long.Parse(before.ResourceVersion!));
    }

    [Fact]
    public async Task Strategic_merge_patch_honours_the_directives_kubectl_apply_sends()
    {
        var (_, path) = await ServiceAsync(80, 443);
        var before = (await Http.GetAsync(path)).Object;

        var reply = await Http.PatchAsync(path, KubeHttp.StrategicMergePatch, """
            {"metadata":{"finalizers":["a/b"]},
             "spec":{"$setElementOrder/ports":[{"port":443},{"port":8443}],
                     "ports":[{"name":"p8443","port":8443,"targetPort":9443},{"$patch":"delete","port":80}]}}
            """);

        Assert.Equal(200, reply.Status);
        var ports = reply.Object["spec"]!["ports"]!.AsArray();
        Assert.Equal([443, 8443], ports.Select(p => (int)p!["port"]!));
        Assert.Equal(before["spec"]!["ports"]![1]!["targetPort"]!.ToJsonString(), ports[0]!["targetPort"]!.ToJsonString());
        Assert.Equal(["a/b"], reply.Object["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        Assert.DoesNotContain("$", reply.Object.ToJsonString());
    }

    [Fact]
    public async Task Malformed_patches_are_400()
    {
        var (_, path) = await ServiceAsync(80);

        var reply = await Http.PatchAsync(path, KubeHttp.MergePatch, "{not json");

        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_keeps_the_resource_version()
    {
        var (_, path) = await ServiceAsync(80);
        var before = await Http.GetAsync(path);

        var reply = await Http.PatchAsync(path, KubeHttp.MergePatch, """{"spec":{"sessionAffinity":"None"}}""");

        Assert.Equal(before.ResourceVersion, reply.ResourceVersion);
    }

    [Fact]
    public async Task Server_side_apply_creates_then_updates()
    {
        var ns = fixture.NewNamespace();
        var path = Manifests.Path(ns, "configmaps", "applied");
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: \"1\"\n";

        var created = await Http.PatchAsync(path + "?fieldManager=test&force=false", KubeHttp.ApplyPatch, yaml);
        var updated = await Http.PatchAsync(path + "?fieldManager=test", KubeHttp.ApplyPatch,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"b":"2"}}""");
        var noManager = await Http.PatchAsync(path, KubeHttp.ApplyPatch, yaml);

        Assert.Equal(201, created.Status);
        Assert.Equal("1", (string?)created.Object["data"]!["a"]);
        Assert.Equal(200, updated.Status);
        Assert.Equal("2", (string?)updated.Object["data"]!["b"]);
        Assert.Equal(400, noManager.Status);
    }

    [Fact]
    public async Task Server_side_apply_dry_run_creates_nothing()
    {
        var ns = fixture.NewNamespace();
        var path = Manifests.Path(ns, "configmaps", "dry");

        var reply = await Http.PatchAsync(path + "?fieldManager=test&dryRun=All", KubeHttp.ApplyPatch,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry"}}""");

        Assert.Equal(201, reply.Status);
        Assert.Equal(404, (await Http.GetAsync(path)).Status);
    }

    [Fact]
    public async Task Patching_a_missing_object_is_404()
    {
        var ns = fixture.NewNamespace();

        var reply = await Http.PatchAsync(Manifests.Path(ns, "services", "nope"), KubeHttp.MergePatch, "{}");

        Assert.Equal(404, reply.Status);
    }

    private async Task<(string Ns, string Path)> ServiceAsync(params int[] ports)
    {
        var ns = fixture.NewNamespace();
        var created = await Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("s", ns, "ClusterIP", ports));
        Assert.Equal(201, created.Status);
        return (ns, Manifests.Path(ns, "services", "s"));
    }
}
