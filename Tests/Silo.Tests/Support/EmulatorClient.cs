using Ccm.Kube.Client;
using Ccm.Sandbox.Kube;
using k8s;

namespace Ccm.Silo.Tests.Support;

/// <summary>A KubernetesClient for the Kubernetes emulator, connected through the kubeconfig the emulator writes.</summary>
internal static class EmulatorClient
{
    public static IKubernetes Create(KubeEmulator emulator, KubeClientOptions? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ccm-kubeconfig-{Guid.NewGuid():N}");
        emulator.WriteKubeconfig(path);
        try
        {
            return KubeClientFactory.Create(Ccm.Kube.Client.KubeConnection.Load(path, null), options ?? new KubeClientOptions());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
