using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;

namespace Ccm.Sandbox.Tests.Kube;

public sealed class InProcessApiTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>
{
    private KubeObjects Objects => fixture.Emulator.Objects;

    [Fact]
    public async Task In_process_writes_follow_the_api_rules_and_reach_http_watchers()
    {
        var ns = fixture.NewNamespace();
        await using var watch = fixture.Http.Record(Manifests.Path(ns, "services") + "?watch=true&resourceVersion=" + Objects.ResourceVersion);

        var created = Objects.Create(Manifests.Service("s", ns, "NodePort"));
        var patched = Objects.Patch("svc", ns, "s", KubePatchType.StrategicMerge, """{"metadata":{"labels":{"a":"b"}}}""");
        Objects.Delete("services", ns, "s");

        Assert.NotNull(created["spec"]!["ports"]![0]!["nodePort"]);
        Assert.Equal("b", (string?)patched["metadata"]!["labels"]!["a"]);
        Assert.Null(Objects.Get("services", ns, "s"));
        await watch.WaitForAsync(e => e.Count >= 3, "the three writes");
        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], watch.Summary.Select(s => s.Type));
    }

    [Fact]
    public void In_process_errors_are_api_errors()
    {
        var ns = fixture.NewNamespace();
        Objects.Create(Manifests.ConfigMap("c", ns));
        var stale = Objects.Get("configmaps", ns, "c")!;
        Objects.Patch("cm", ns, "c", KubePatchType.Merge, """{"data":{"a":"1"}}""");

        var conflict = Assert.Throws<KubeApiException>(() => Objects.Update(stale));
        var exists = Assert.Throws<KubeApiException>(() => Objects.Create(Manifests.ConfigMap("c", ns)));
        var missing = Assert.Throws<KubeApiException>(() => Objects.Delete("configmaps", ns, "nope"));

        Assert.Equal((409, "Conflict"), (conflict.Code, conflict.Reason));
        Assert.Equal((409, "AlreadyExists"), (exists.Code, exists.Reason));
        Assert.Equal((404, "NotFound"), (missing.Code, missing.Reason));
    }

    [Fact]
    public void Status_updates_in_process_touch_only_status()
    {
        var ns = fixture.NewNamespace();
        var svc = Objects.Create(Manifests.Service("s", ns, "LoadBalancer"));
        svc["status"] = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "1.2.3.4" }) } };
        svc["spec"]!["sessionAffinity"] = "ClientIP";

        var updated = Objects.Update(svc, "status");

        Assert.Equal("1.2.3.4", (string?)updated["status"]!["loadBalancer"]!["ingress"]![0]!["ip"]);
        Assert.Equal("None", (string?)updated["spec"]!["sessionAffinity"]);
    }

    [Fact]
    public void Lists_filter_by_selectors_and_resources_resolve_by_kubectl_names()
    {
        var ns = fixture.NewNamespace();
        var lease = new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = "l", ["namespace"] = ns, ["labels"] = new JsonObject { ["k"] = "v" } },
            ["spec"] = new JsonObject { ["holderIdentity"] = "me" },
        };
        Objects.Create(lease);

        Assert.Single(Objects.List("leases.coordination.k8s.io", ns, labelSelector: "k=v"));
        Assert.Empty(Objects.List("leases", ns, labelSelector: "k=other"));
        Assert.Single(Objects.List("lease", ns, fieldSelector: "metadata.name=l"));
    }
}
