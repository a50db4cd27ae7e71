using Ccm.Kube.Client;
using Ccm.Silo.Options;
using k8s;

namespace Ccm.Silo.Composition;

/// <summary>
/// Where the API server is, in client-go's <c>BuildConfigFromFlags</c> order, as the upstream CCM finds it:
/// <c>--kubeconfig</c>/<c>--master</c>, else the pod's service account, else <c>$KUBECONFIG</c>, else
/// <c>~/.kube/config</c>. A problem is a <see cref="k8s.Exceptions.KubeConfigException"/> naming the file.
/// </summary>
public static class KubeConnection
{
    public static KubernetesClientConfiguration Load(SiloOptions options) =>
        Ccm.Kube.Client.KubeConnection.Load(options.Kubeconfig, options.Master, new SiloKubeEnvironment(options));

    /// <summary>The process environment, with <c>$KUBECONFIG</c> as the silo's options read it.</summary>
    private sealed class SiloKubeEnvironment(SiloOptions options) : IKubeEnvironment
    {
        public string? HomeDirectory => SystemKubeEnvironment.Instance.HomeDirectory;

        public string ServiceAccountFolder => SystemKubeEnvironment.Instance.ServiceAccountFolder;

        public string? GetEnvironmentVariable(string name) =>
            name == "KUBECONFIG" ? options.KubeconfigEnvironment : SystemKubeEnvironment.Instance.GetEnvironmentVariable(name);

        public bool FileExists(string path) => File.Exists(path);
    }
}
