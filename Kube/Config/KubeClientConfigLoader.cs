namespace Ccm.Kube.Config;

/// <summary>
/// Finds the configuration the way the upstream controller managers do. Order: the <c>--kubeconfig</c> file (must
/// exist); else the files in <c>KUBECONFIG</c> (':'-separated, missing ones skipped, merged first-wins); else the
/// in-cluster service account; else <c>~/.kube/config</c>. Nothing found is a <see cref="KubeconfigException"/>.
/// </summary>
public static class KubeClientConfigLoader
{
    public static KubeClientConfig Load(KubeClientConfigLoadOptions? options = null)
    {
        options ??= new KubeClientConfigLoadOptions();
        var environment = options.Environment;
        if (!string.IsNullOrEmpty(options.KubeconfigPath))
        {
            if (!environment.FileExists(options.KubeconfigPath))
            {
                throw new KubeconfigException($"--kubeconfig {options.KubeconfigPath}: file not found");
            }

            return FromFiles([options.KubeconfigPath], options);
        }

        var fromEnvironment = (environment.GetEnvironmentVariable("KUBECONFIG") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Where(environment.FileExists)
            .ToList();
        if (fromEnvironment.Count > 0)
        {
            return FromFiles(fromEnvironment, options);
        }

        if (InClusterConfig.IsAvailable(environment))
        {
            return InClusterConfig.Load(options);
        }

        var home = environment.HomeDirectory is { Length: > 0 } h ? Path.Combine(h, ".kube", "config") : null;
        if (home is not null && environment.FileExists(home))
        {
            return FromFiles([home], options);
        }

        throw new KubeconfigException(
            "no Kubernetes configuration: pass --kubeconfig, set KUBECONFIG, run in a Pod (KUBERNETES_SERVICE_HOST/PORT), or create ~/.kube/config");
    }

    /// <summary>Reads, merges (first definition wins) and resolves the given kubeconfig files.</summary>
    public static KubeClientConfig FromFiles(IReadOnlyList<string> paths, KubeClientConfigLoadOptions? options = null)
    {
        options ??= new KubeClientConfigLoadOptions();
        var documents = paths.Select(path => KubeconfigParser.Parse(path, Read(options.Environment, path))).ToList();
        return new KubeconfigResolver(options.Environment, options).Resolve(documents);
    }

    private static byte[] Read(IKubeEnvironment environment, string path)
    {
        try
        {
            return environment.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException($"{path}: cannot read: {ex.Message}", ex);
        }
    }
}
