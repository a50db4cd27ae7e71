using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using Ccm.Sandbox.Kube;
using Ccm.Silo.Composition;
using Ccm.Silo.Tests.Support;
using k8s;
using k8s.Models;

namespace Ccm.Silo.Tests.Composition;

/// <summary>The dry-run guard in the official client's pipeline, against the Kubernetes emulator: bookkeeping passes, everything else stays home.</summary>
public sealed class DryRunHandlerTests : IAsyncLifetime
{
    private KubeEmulator emulator = null!;
    private IKubernetes kube = null!;

    public async Task InitializeAsync()
    {
        emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions());
        kube = EmulatorClient.Create(emulator, new KubeClientOptions { OuterHandlers = [() => new DryRunHandler("kube-system")] });
    }

    public async Task DisposeAsync()
    {
        kube.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task Leases_and_reminder_config_maps_in_the_lease_namespace_are_written()
    {
        await kube.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "ccm-shard-00" } }, "kube-system");
        await kube.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "ccm-reminders-00" } }, "kube-system");

        Assert.NotNull(emulator.Objects.Get("leases.coordination.k8s.io", "kube-system", "ccm-shard-00"));
        Assert.NotNull(emulator.Objects.Get("configmaps", "kube-system", "ccm-reminders-00"));
    }

    [Fact]
    public async Task Every_other_write_fails_before_it_is_sent()
    {
        var before = emulator.ResourceVersion;
        emulator.Objects.Create(JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}]}}""")!.AsObject());
        var created = emulator.ResourceVersion;
        var labels = KubePatch.Merge(JsonNode.Parse("""{"metadata":{"labels":{"a":"b"}}}""")!);

        var patch = await Assert.ThrowsAsync<DryRunWriteException>(() => kube.CoreV1.PatchNamespacedServiceAsync(labels, "web", "default"));
        await Assert.ThrowsAsync<DryRunWriteException>(() => kube.CoreV1.PatchNamespacedServiceStatusAsync(KubePatch.Merge(new JsonObject { ["status"] = new JsonObject() }), "web", "default"));
        await Assert.ThrowsAsync<DryRunWriteException>(() => kube.CoreV1.DeleteNodeAsync("node-1"));
        await Assert.ThrowsAsync<DryRunWriteException>(() => kube.CoreV1.CreateNamespacedEventAsync(new Corev1Event { Metadata = new V1ObjectMeta { Name = "e" } }, "default"));
        await Assert.ThrowsAsync<DryRunWriteException>(() => kube.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, "default"));

        Assert.Equal("dry run: the request to patch services default/web was not sent", patch.Message);
        Assert.True(created > before);
        Assert.Equal(created, emulator.ResourceVersion);
        Assert.NotNull(await kube.CoreV1.ReadNamespacedServiceAsync("web", "default"));
    }
}
