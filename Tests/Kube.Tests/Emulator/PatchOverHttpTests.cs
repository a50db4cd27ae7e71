using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using Ccm.Kube.Cache;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>
/// <see cref="KubePatch"/> against the emulator through the official client, and what <see cref="KubeErrors"/> makes of
/// the real refusals: conflicts from stale finalizer patches, failed JSON-patch tests, missing and taken names.
/// </summary>
public sealed class PatchOverHttpTests : EmulatorTest
{
    private const string Finalizer = "service.kubernetes.io/load-balancer-cleanup";

    [Fact]
    public async Task A_finalizer_is_added_once_and_removed_once()
    {
        var created = await CreateServiceAsync();

        var added = await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.AddFinalizer(created.Metadata, Finalizer)!, created.Metadata.Name, "default");

        Assert.Equal([Finalizer], added.Metadata.Finalizers);
        Assert.Null(KubePatch.AddFinalizer(added.Metadata, Finalizer));
        var removed = await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.RemoveFinalizer(added.Metadata, Finalizer)!, created.Metadata.Name, "default");
        Assert.Empty(removed.Metadata.Finalizers ?? []);
        Assert.Null(KubePatch.RemoveFinalizer(removed.Metadata, Finalizer));
    }

    [Fact]
    public async Task A_finalizer_patch_from_a_stale_version_conflicts_instead_of_overwriting()
    {
        var original = await CreateServiceAsync();
        await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.AddFinalizer(original.Metadata, "other.example.com/x")!, original.Metadata.Name, "default");

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.AddFinalizer(original.Metadata, Finalizer)!, original.Metadata.Name, "default"));

        Assert.True(ex.IsConflict());
        Assert.False(ex.IsRetryable());
        Assert.Equal(["other.example.com/x"], (await Kube.CoreV1.ReadNamespacedServiceAsync(original.Metadata.Name, "default")).Metadata.Finalizers);
    }

    [Fact]
    public async Task Deleting_an_object_held_by_a_finalizer_marks_it_and_removing_the_finalizer_deletes_it()
    {
        var created = await CreateServiceAsync();
        var held = await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.AddFinalizer(created.Metadata, Finalizer)!, created.Metadata.Name, "default");

        await Kube.CoreV1.DeleteNamespacedServiceAsync(held.Metadata.Name, "default");
        var marked = await Kube.CoreV1.ReadNamespacedServiceAsync(held.Metadata.Name, "default");
        await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.RemoveFinalizer(marked.Metadata, Finalizer)!, held.Metadata.Name, "default");

        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => Kube.CoreV1.ReadNamespacedServiceAsync(held.Metadata.Name, "default"));
        Assert.True(gone.IsNotFound());
    }

    [Fact]
    public async Task A_label_patch_sets_and_removes_labels()
    {
        var name = Unique("cm");
        await Kube.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new() { Name = name, Labels = new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "1" } } }, "default");

        var patched = await Kube.CoreV1.PatchNamespacedConfigMapAsync(KubePatch.Labels(new Dictionary<string, string?> { ["drop"] = null, ["new"] = "2" }), name, "default");

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["new"] = "2" }, patched.Metadata.Labels);
    }

    [Fact]
    public async Task A_strategic_merge_patch_merges_ports_by_their_key()
    {
        var created = await CreateServiceAsync();

        var patched = await Kube.CoreV1.PatchNamespacedServiceAsync(
            KubePatch.StrategicMerge(JsonNode.Parse("""{"spec":{"ports":[{"name":"https","port":443,"protocol":"TCP"}]}}""")!), created.Metadata.Name, "default");

        Assert.Equal([80, 443], patched.Spec.Ports.Select(p => p.Port).Order());
    }

    [Fact]
    public async Task A_json_patch_applies_operations_and_a_failed_test_rejects_the_whole_patch_as_invalid()
    {
        var name = Unique("cm");
        await Kube.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = name, Labels = new Dictionary<string, string> { ["a"] = "1" } } }, "default");
        var key = "/metadata/labels/" + JsonPatchOperation.Escape(KubeIndexes.ServiceNameLabel);

        var patched = await Kube.CoreV1.PatchNamespacedConfigMapAsync(
            KubePatch.Json(JsonPatchOperation.Test("/metadata/labels/a", "1"), JsonPatchOperation.Add(key, "web")), name, "default");
        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => Kube.CoreV1.PatchNamespacedConfigMapAsync(
            KubePatch.Json(JsonPatchOperation.Test("/metadata/labels/a", "2"), JsonPatchOperation.Remove(key)), name, "default"));

        Assert.Equal("web", patched.Metadata.Labels[KubeIndexes.ServiceNameLabel]);
        Assert.True(ex.IsInvalid(), KubeErrors.Describe(ex));
        Assert.Equal("web", (await Kube.CoreV1.ReadNamespacedConfigMapAsync(name, "default")).Metadata.Labels[KubeIndexes.ServiceNameLabel]);
    }

    [Fact]
    public async Task Status_is_written_only_through_the_status_subresource()
    {
        var created = await CreateServiceAsync();
        var ingress = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "47.1.2.3" }) } };

        var viaMain = await Kube.CoreV1.PatchNamespacedServiceAsync(KubePatch.Merge(new JsonObject { ["status"] = ingress.DeepClone() }), created.Metadata.Name, "default");
        var viaStatus = await Kube.CoreV1.PatchNamespacedServiceStatusAsync(KubePatch.Merge(new JsonObject { ["status"] = ingress.DeepClone() }), created.Metadata.Name, "default");

        Assert.Null(viaMain.Status?.LoadBalancer?.Ingress);
        Assert.Equal("47.1.2.3", viaStatus.Status.LoadBalancer.Ingress[0].Ip);
    }

    [Fact]
    public async Task Creating_a_taken_name_is_already_exists_and_not_a_conflict()
    {
        var created = await CreateServiceAsync();

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => Kube.CoreV1.CreateNamespacedServiceAsync(
            new V1Service { Metadata = new() { Name = created.Metadata.Name }, Spec = new() { Ports = [new() { Port = 80 }] } }, "default"));

        Assert.True(ex.IsAlreadyExists());
        Assert.False(ex.IsConflict());
    }

    private async Task<V1Service> CreateServiceAsync() =>
        await Kube.CoreV1.CreateNamespacedServiceAsync(
            new V1Service { Metadata = new() { Name = Unique("svc") }, Spec = new() { Ports = [new() { Name = "http", Port = 80 }] } }, "default");
}
