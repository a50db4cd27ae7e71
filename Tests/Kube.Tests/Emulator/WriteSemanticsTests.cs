using System.Text.Json.Nodes;
using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Kube.Tests.Emulator;

/// <summary>Optimistic concurrency, finalizers, the patch types and the status subresource, over HTTP.</summary>
public sealed class WriteSemanticsTests : EmulatorTest
{
    private const string Finalizer = "service.kubernetes.io/load-balancer-cleanup";

    [Fact]
    public async Task A_lease_update_from_a_stale_version_is_a_conflict_result()
    {
        var lease = await Api.CreateAsync(new Lease
        {
            Metadata = new() { Name = Unique("shard"), Namespace = "kube-system" },
            Spec = new() { HolderIdentity = "silo-a", LeaseDurationSeconds = 15, AcquireTime = DateTimeOffset.UtcNow, RenewTime = DateTimeOffset.UtcNow, LeaseTransitions = 0 },
        });

        var renewed = await Api.UpdateLeaseAsync(lease with { Spec = lease.Spec! with { RenewTime = DateTimeOffset.UtcNow } });
        var stale = await Api.UpdateLeaseAsync(lease with { Spec = lease.Spec! with { HolderIdentity = "silo-b", LeaseTransitions = 1 } });

        Assert.False(renewed.IsConflict);
        Assert.NotEqual(lease.Metadata.ResourceVersion, renewed.Lease!.Metadata.ResourceVersion);
        Assert.True(stale.IsConflict);
        Assert.Equal(409, stale.Conflict!.Code);
        Assert.Equal("silo-a", (await Api.GetAsync<Lease>("kube-system", lease.Metadata.Name!)).Spec!.HolderIdentity);
    }

    [Fact]
    public async Task Delete_with_finalizers_marks_and_removing_the_last_finalizer_deletes()
    {
        var name = Unique("lb");
        var created = await Api.CreateAsync(new Service
        {
            Metadata = new() { Name = name, Namespace = "default", Finalizers = [Finalizer] },
            Spec = new() { Ports = [new() { Port = 80 }] },
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<WatchEvent<Service>>();
        var watching = Task.Run(async () =>
        {
            var options = new WatchOptions { ResourceVersion = created.Metadata.ResourceVersion, FieldSelector = $"metadata.name={name}", AllowWatchBookmarks = false };
            await foreach (var e in Api.WatchAsync<Service>("default", options, cts.Token))
            {
                events.Add(e);
                if (e.Type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        var marked = await Api.DeleteAsync<Service>("default", name);
        var stillThere = await Api.GetAsync<Service>("default", name);
        await Api.PatchAsync<Service>("default", name, KubePatches.RemoveFinalizer(stillThere, Finalizer)!);
        await watching.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(marked!.Metadata.DeletionTimestamp);
        Assert.NotNull(stillThere.Metadata.DeletionTimestamp);
        Assert.Null(await Api.GetOrNullAsync<Service>("default", name));
        Assert.Equal([WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.NotNull(events[0].Object!.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task A_finalizer_patch_from_a_stale_version_conflicts_instead_of_overwriting()
    {
        var name = Unique("lb");
        var original = await Api.CreateAsync(new Service { Metadata = new() { Name = name, Namespace = "default" }, Spec = new() { Ports = [new() { Port = 80 }] } });
        await Api.PatchAsync<Service>("default", name, KubePatches.AddFinalizer(original, "other.example.com/x")!);

        var ex = await Assert.ThrowsAsync<KubeApiException>(() => Api.PatchAsync<Service>("default", name, KubePatches.AddFinalizer(original, Finalizer)!));

        Assert.True(ex.IsConflict);
        Assert.Equal(["other.example.com/x"], (await Api.GetAsync<Service>("default", name)).Metadata.Finalizers!);
    }

    [Fact]
    public async Task Delete_preconditions_protect_another_incarnation()
    {
        var name = Unique("cm");
        await Api.CreateAsync(new ConfigMap { Metadata = new() { Name = name, Namespace = "default" } });

        var ex = await Assert.ThrowsAsync<KubeApiException>(() =>
            Api.DeleteAsync<ConfigMap>("default", name, new DeleteOptions { Preconditions = new() { Uid = "not-this-one" } }));

        Assert.True(ex.IsConflict);
        Assert.NotNull(await Api.GetOrNullAsync<ConfigMap>("default", name));
    }

    [Fact]
    public async Task A_merge_patch_sets_and_removes_labels()
    {
        var name = Unique("cm");
        await Api.CreateAsync(new ConfigMap { Metadata = new() { Name = name, Namespace = "default", Labels = new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "1" } } });

        var patched = await Api.PatchAsync<ConfigMap>("default", name, KubePatches.Labels(new Dictionary<string, string?> { ["drop"] = null, ["new"] = "2" }));

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["new"] = "2" }, patched.Metadata.Labels);
    }

    [Fact]
    public async Task A_strategic_merge_patch_merges_ports_by_their_key()
    {
        var name = Unique("svc");
        await Api.CreateAsync(new Service { Metadata = new() { Name = name, Namespace = "default" }, Spec = new() { Ports = [new() { Name = "http", Port = 80 }] } });

        var patched = await Api.PatchAsync<Service>("default", name,
            KubePatch.StrategicMerge("""{"spec":{"ports":[{"name":"https","port":443,"protocol":"TCP"}]}}"""));

        Assert.Equal([80, 443], patched.Spec!.Ports!.Select(p => p.Port!.Value).Order());
    }

    [Fact]
    public async Task A_json_patch_applies_operations_and_a_failed_test_rejects_the_whole_patch()
    {
        var name = Unique("cm");
        await Api.CreateAsync(new ConfigMap { Metadata = new() { Name = name, Namespace = "default", Labels = new Dictionary<string, string> { ["a"] = "1" } } });
        var key = "/metadata/labels/" + JsonPatchOperation.Escape(EndpointSlice.ServiceNameLabel);

        var patched = await Api.PatchAsync<ConfigMap>("default", name, KubePatch.Json(
            JsonPatchOperation.Test("/metadata/labels/a", "1"),
            JsonPatchOperation.Add(key, "web")));
        var ex = await Assert.ThrowsAsync<KubeApiException>(() => Api.PatchAsync<ConfigMap>("default", name, KubePatch.Json(
            JsonPatchOperation.Test("/metadata/labels/a", "2"),
            JsonPatchOperation.Remove(key))));

        Assert.Equal("web", patched.Metadata.Labels![EndpointSlice.ServiceNameLabel]);
        Assert.InRange(ex.Code, 400, 499);
        Assert.Equal("web", (await Api.GetAsync<ConfigMap>("default", name)).Metadata.Labels![EndpointSlice.ServiceNameLabel]);
    }

    [Fact]
    public async Task Server_side_apply_creates_then_updates()
    {
        var name = Unique("cm");
        var intent = new ConfigMap { Metadata = new() { Name = name, Namespace = "default" }, Data = new Dictionary<string, string> { ["k"] = "1" } };

        var created = await Api.PatchAsync<ConfigMap>("default", name, KubePatch.Apply(intent), new PatchOptions { FieldManager = "ccm-test", Force = true });
        var updated = await Api.PatchAsync<ConfigMap>("default", name, KubePatch.Apply(intent with { Data = new Dictionary<string, string> { ["k"] = "2" } }), new PatchOptions { FieldManager = "ccm-test", Force = true });

        Assert.Equal("1", created.Data!["k"]);
        Assert.Equal("2", updated.Data!["k"]);
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);
    }

    [Fact]
    public async Task Status_and_spec_are_written_only_through_their_own_endpoints()
    {
        var name = Unique("lb");
        var created = await Api.CreateAsync(new Service { Metadata = new() { Name = name, Namespace = "default" }, Spec = new() { Type = ServiceTypes.LoadBalancer, Ports = [new() { Port = 80 }] } });
        var ingress = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "47.1.2.3" }) } };

        var viaMain = await Api.PatchAsync<Service>("default", name, KubePatch.Merge(new JsonObject { ["status"] = ingress.DeepClone() }));
        var viaStatus = await Api.PatchStatusAsync<Service>("default", name, KubePatch.Merge(new JsonObject
        {
            ["status"] = ingress.DeepClone(),
            ["spec"] = new JsonObject { ["type"] = "ClusterIP" },
        }));

        Assert.Null(viaMain.Status?.LoadBalancer?.Ingress);
        Assert.Equal("47.1.2.3", viaStatus.Status!.LoadBalancer!.Ingress![0].Ip);
        Assert.Equal(ServiceTypes.LoadBalancer, viaStatus.Spec!.Type);
        Assert.Equal(created.Metadata.Generation, viaStatus.Metadata.Generation);
        Assert.Contains(Calls.Calls, c => c is { Verb: "patch", Resource: "services", Subresource: "status" });
    }
}
