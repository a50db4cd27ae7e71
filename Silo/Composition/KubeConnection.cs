using Ccm.Kube.Config;
using Ccm.Silo.Options;

namespace Ccm.Silo.Composition;

/// <summary>
/// Where the API server is, found as the upstream controller managers do: the <c>--kubeconfig</c> file (or the
/// existing files of <c>$KUBECONFIG</c>), else the pod's service account, else <c>~/.kube/config</c>. A problem is a
/// <see cref="KubeconfigException"/> whose message names the file and the field.
/// </summary>
public static class KubeConnection
{
    public static KubeClientConfig Load(SiloOptions options)
    {
        if (options.Kubeconfig is not { } list)
        {
            return KubeClientConfigLoader.Load();
        }

        var files = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? KubeClientConfigLoader.FromFiles(files) : throw new KubeconfigException($"kubeconfig {list}: file not found");
    }
}
