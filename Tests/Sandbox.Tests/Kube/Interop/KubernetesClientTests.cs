using System.Net;
using Ccm.Sandbox.Tests.Kube.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Sandbox.Tests.Kube.Interop;

/// <summary>
/// The official .NET client (KubernetesClient) configured from the kubeconfig exactly as the emulator wrote it:
/// <c>BuildConfigFromConfigFile</c> takes the https server, the CA and the token from it, and the verbs work.
/// </summary>
public sealed class KubernetesClientTests(KubeEmulatorFixture fixture) : IClassFixture<KubeEmulatorFixture>, IDisposable
{
    private readonly string kubeconfig = Path.Combine(Path.GetTempPath(), $"kubernetes-client-{Guid.NewGuid():N}.kubeconfig");

    [Fact]
    public async Task The_official_client_lists_watches_merge_patches_and_deletes_with_the_written_kubeconfig()
    {
        using var client = new k8s.Kubernetes(Config());
        var ns = fixture.NewNamespace();
        fixture.Emulator.Objects.Create(Manifests.Service("listed", ns));

        var list = await client.CoreV1.ListNamespacedServiceAsync(ns);
        Assert.Equal(["listed"], list.Items.Select(s => s.Metadata.Name));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var events = client.CoreV1.WatchListNamespacedServiceAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: stop.Token)
            .GetAsyncEnumerator(stop.Token);
        var first = events.MoveNextAsync();
        fixture.Emulator.Objects.Create(Manifests.Service("watched", ns));
        Assert.True(await first);
        Assert.Equal((WatchEventType.Added, "watched"), (events.Current.Item1, events.Current.Item2.Metadata.Name));

        var patched = await client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"metadata":{"labels":{"patchedBy":"KubernetesClient"}}}""", V1Patch.PatchType.MergePatch), "watched", ns);
        Assert.Equal("KubernetesClient", patched.Metadata.Labels["patchedBy"]);
        Assert.Equal("watched", patched.Spec.Selector["app"]); // merged into, not replaced

        await client.CoreV1.DeleteNamespacedServiceAsync("watched", ns);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedServiceAsync("watched", ns));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task The_official_client_with_another_token_is_unauthorized()
    {
        var config = Config();
        config.AccessToken = "not-the-emulators-token";
        using var client = new k8s.Kubernetes(config);

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespaceAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Response.StatusCode);
    }

    public void Dispose() => File.Delete(kubeconfig);

    private KubernetesClientConfiguration Config()
    {
        fixture.Emulator.WriteKubeconfig(kubeconfig);
        return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
    }
}
