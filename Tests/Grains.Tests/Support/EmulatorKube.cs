using Ccm.Kube.Client;
using Ccm.Sandbox.Kube;
using k8s;

namespace Ccm.Grains.Tests.Support;

/// <summary>
/// A KubernetesClient for a Kubernetes emulator, built as the silo builds its own from <c>--kubeconfig</c>: from the
/// kubeconfig the emulator writes, through <see cref="KubeConnection"/>. The tests never assume its scheme, address or
/// credentials.
/// </summary>
public static class EmulatorKube
{
    /// <summary>The client with the CCM's handlers; <paramref name="options"/> defaults to no client-side QPS limit.</summary>
    public static Kubernetes Client(KubeEmulator emulator, KubeClientOptions? options = null)
    {
        var folder = Directory.CreateTempSubdirectory("grains-tests-kubeconfig-");
        try
        {
            var path = Path.Combine(folder.FullName, "kubeconfig");
            emulator.WriteKubeconfig(path);
            var config = KubeConnection.Load(path, master: null);
            return KubeClientFactory.Create(config, options ?? new KubeClientOptions { Qps = 0 });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The object, or null when the server answers 404 (the old client's <c>GetOrNullAsync</c>).</summary>
    public static async Task<T?> OrNullAsync<T>(this Task<T> read)
        where T : class
    {
        try
        {
            return await read;
        }
        catch (Exception e) when (e.IsNotFound())
        {
            return null;
        }
    }
}
