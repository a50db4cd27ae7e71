using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;
using Ccm.Sandbox.Tests.Kube.Support;
using Ccm.TestSupport;

namespace Ccm.Sandbox.Tests.Kube.Interop;

/// <summary>
/// The official JavaScript client, from the kubeconfig exactly as the emulator wrote it (HTTPS, the CA inline, a bearer
/// token; no skip-TLS): its informer (list, then watch) follows a Service that kubectl or the client itself changes.
/// </summary>
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
    public async Task Client_node_merge_patches_and_deletes_a_service_and_its_informer_sees_both()
    {
        var ns = await fixture.NewNamespaceAsync();
        await using var informer = BackgroundProcess.Start("node",
            [Path.Combine(RepoPaths.Interop, "kube", "informer.mjs"), fixture.Emulator.Kubeconfig, ns],
            workingDirectory: RepoPaths.Interop);
        await informer.WaitForLineAsync(l => l.Contains("\"STARTED\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var created = await fixture.Http.PostAsync(Manifests.Path(ns, "services"), Manifests.Service("changed", ns));
        await NextAsync(informer, "ADDED");

        var change = await ProcessRunner.RunAsync("node",
            [Path.Combine(RepoPaths.Interop, "kube", "change.mjs"), fixture.Emulator.Kubeconfig, ns, "changed"],
            workingDirectory: RepoPaths.Interop, timeout: TimeSpan.FromSeconds(60));

        Assert.True(change.ExitCode == 0, change.ToString());
        var replies = change.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("client-node", (string?)replies[0]["labels"]!["patchedBy"]);
        Assert.True(long.Parse((string)replies[0]["resourceVersion"]!) > long.Parse(created.ResourceVersion!));
        Assert.Equal(("Service", "changed"), ((string?)replies[1]["kind"], (string?)replies[1]["name"]));
        Assert.Equal("client-node", (string?)(await NextAsync(informer, "MODIFIED"))["labels"]!["patchedBy"]);
        Assert.Equal("changed", (string?)(await NextAsync(informer, "DELETED"))["name"]);
        Assert.Equal(404, (await fixture.Http.GetAsync(Manifests.Path(ns, "services", "changed"))).Status);
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
