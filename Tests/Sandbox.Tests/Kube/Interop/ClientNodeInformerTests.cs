using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube.Interop;

/// <summary>The official JavaScript client's informer (list, then watch) follows a Service that kubectl changes.</summary>
public sealed class ClientNodeInformerTests(StandaloneKubeEmulatorFixture fixture) : IClassFixture<StandaloneKubeEmulatorFixture>
{
    [Fact]
    public async Task The_informer_sees_added_modified_and_deleted_for_a_service_changed_by_kubectl()
    {
        var ns = await fixture.NewNamespaceAsync();
        var kubectl = fixture.Kubectl(RepoPaths.Tool("kubectl"));
        await using var informer = BackgroundProcess.Start("node",
            [Path.Combine(RepoPaths.Interop, "kube", "informer.mjs"), fixture.Emulator.Kubeconfig, ns],
            workingDirectory: RepoPaths.Interop);
        await informer.WaitForLineAsync(l => l.Contains("\"STARTED\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        var manifest = fixture.WriteManifest($"""
            apiVersion: v1
            kind: Service
            metadata:
              name: followed
              namespace: {ns}
            spec:
              selector:
                app: followed
              ports:
              - port: 80
            """);
        await kubectl.OkAsync("apply", "-f", manifest);
        var added = await NextAsync(informer, "ADDED");
        await kubectl.OkAsync("-n", ns, "label", "svc", "followed", "stage=two");
        var modified = await NextAsync(informer, "MODIFIED");
        await kubectl.OkAsync("-n", ns, "delete", "svc", "followed");
        var deleted = await NextAsync(informer, "DELETED");

        Assert.Equal("followed", (string?)added["name"]);
        Assert.Equal("two", (string?)modified["labels"]!["stage"]);
        Assert.True(long.Parse((string)modified["resourceVersion"]!) > long.Parse((string)added["resourceVersion"]!));
        Assert.Equal("followed", (string?)deleted["name"]);
        Assert.DoesNotContain("\"ERROR\"", informer.Transcript);
    }

    [Fact]
    public async Task The_informer_relists_after_its_watch_closes_and_its_version_has_expired()
    {
        await using var emulator = await KubeEmulator.StartAsync(new KubeEmulatorOptions());
        var kubeconfig = Path.Combine(fixture.Emulator.Directory, $"inprocess-{Guid.NewGuid():N}.kubeconfig");
        emulator.WriteKubeconfig(kubeconfig);
        await using var informer = BackgroundProcess.Start("node",
            [Path.Combine(RepoPaths.Interop, "kube", "informer.mjs"), kubeconfig, "default"],
            workingDirectory: RepoPaths.Interop);
        await informer.WaitForLineAsync(l => l.Contains("\"STARTED\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        emulator.Objects.Create(Manifests.Service("first", "default"));
        Assert.Equal("first", (string?)(await NextAsync(informer, "ADDED"))["name"]);

        // The API server restarts (every watch closes) and etcd compacts: the informer's version is gone.
        emulator.Faults.CompactHistory();
        emulator.Faults.CloseAllWatches();
        emulator.Objects.Create(Manifests.Service("second", "default"));

        var added = await NextAsync(informer, "ADDED");
        Assert.Equal("second", (string?)added["name"]);
    }

    private static async Task<JsonObject> NextAsync(BackgroundProcess informer, string type)
    {
        var line = await informer.WaitForLineAsync(l => l.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return JsonNode.Parse(line)!.AsObject();
    }
}
