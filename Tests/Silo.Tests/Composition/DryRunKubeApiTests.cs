using System.Text.Json.Nodes;
using Ccm.Kube.Api;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Ccm.Sandbox.Kube;
using Ccm.Silo.Composition;

namespace Ccm.Silo.Tests.Composition;

/// <summary>The dry-run guard against the Kubernetes emulator over HTTP: bookkeeping passes, everything else stays home.</summary>
public sealed class DryRunKubeApiTests : IAsyncLifetime
{
    private KubeEmulator emulator = null!;
    private HttpKubeApi http = null!;
    private DryRunKubeApi api = null!;

    public async Task InitializeAsync()
    {
        emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions());
        http = new HttpKubeApi(new KubeClientConfig
        {
            Server = emulator.BaseAddress,
            BearerToken = new StaticTokenSource(emulator.BearerToken!),
            CertificateAuthorities = [emulator.CertificateAuthority!],
        });
        api = new DryRunKubeApi(http, "kube-system");
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task Leases_and_reminder_config_maps_in_the_lease_namespace_are_written()
    {
        await api.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = "ccm-shard-00", Namespace = "kube-system" } });
        await api.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "ccm-reminders-00", Namespace = "kube-system" } });

        Assert.NotNull(emulator.Objects.Get("leases.coordination.k8s.io", "kube-system", "ccm-shard-00"));
        Assert.NotNull(emulator.Objects.Get("configmaps", "kube-system", "ccm-reminders-00"));
    }

    [Fact]
    public async Task Every_other_write_fails_before_it_is_sent()
    {
        var before = emulator.ResourceVersion;
        emulator.Objects.Create(JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}]}}""")!.AsObject());
        var created = emulator.ResourceVersion;

        var patch = await Assert.ThrowsAsync<DryRunWriteException>(() => api.PatchAsync<Service>("default", "web", KubePatch.Merge("""{"metadata":{"labels":{"a":"b"}}}""")));
        await Assert.ThrowsAsync<DryRunWriteException>(() => api.PatchStatusAsync<Service>("default", "web", KubePatch.Merge("""{"status":{}}""")));
        await Assert.ThrowsAsync<DryRunWriteException>(() => api.DeleteAsync<Node>(null, "node-1"));
        await Assert.ThrowsAsync<DryRunWriteException>(() => api.CreateAsync(new Event { Metadata = new ObjectMeta { Name = "e", Namespace = "default" } }));
        await Assert.ThrowsAsync<DryRunWriteException>(() => api.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = "elsewhere", Namespace = "default" } }));

        Assert.Equal("dry run: the request to patch services default/web was not sent", patch.Message);
        Assert.True(created > before);
        Assert.Equal(created, emulator.ResourceVersion);
        Assert.NotNull(await api.GetAsync<Service>("default", "web"));
    }
}
