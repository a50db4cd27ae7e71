using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace Ccm.Kube.Client;

/// <summary>
/// Where the API server is and how to authenticate, found with client-go's <c>BuildConfigFromFlags</c> precedence
/// (what the upstream CCM uses): <c>--kubeconfig</c> and/or <c>--master</c> when given; else the Pod's service account;
/// else the <c>$KUBECONFIG</c> files; else <c>~/.kube/config</c>. KubernetesClient's own <c>BuildDefaultConfig</c>
/// prefers <c>~/.kube/config</c> over the service account, which would make a silo in a Pod whose image happens to
/// carry a kubeconfig talk to another cluster, so it is not used.
/// </summary>
public static class KubeConnection
{
    /// <param name="kubeconfig">The <c>--kubeconfig</c> flag: one file.</param>
    /// <param name="master">The <c>--master</c> flag: overrides the kubeconfig's server.</param>
    /// <param name="environment">Environment variables and files (a seam for tests).</param>
    /// <exception cref="KubeConfigException">Nothing usable was found, or a file is malformed; the message names it.</exception>
    public static KubernetesClientConfiguration Load(string? kubeconfig, string? master, IKubeEnvironment? environment = null)
    {
        environment ??= SystemKubeEnvironment.Instance;
        if (!string.IsNullOrEmpty(kubeconfig))
        {
            return environment.FileExists(kubeconfig)
                ? FromFile(kubeconfig, master)
                : throw new KubeConfigException($"--kubeconfig {kubeconfig}: file not found");
        }

        if (!string.IsNullOrEmpty(master))
        {
            return new KubernetesClientConfiguration { Host = master };
        }

        if (ServiceAccount.IsAvailable(environment))
        {
            return ServiceAccount.Load(environment);
        }

        // Of a $KUBECONFIG list, the first file that exists (kubectl would merge them; a controller needs one cluster).
        var fromEnvironment = (environment.GetEnvironmentVariable("KUBECONFIG") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(environment.FileExists);
        if (fromEnvironment is not null)
        {
            return FromFile(fromEnvironment, null);
        }

        var home = environment.HomeDirectory is { Length: > 0 } h ? Path.Combine(h, ".kube", "config") : null;
        return home is not null && environment.FileExists(home)
            ? FromFile(home, null)
            : throw new KubeConfigException(
                "no Kubernetes configuration: pass --kubeconfig, run in a Pod (KUBERNETES_SERVICE_HOST/PORT and a service account), set KUBECONFIG, or create ~/.kube/config");
    }

    private static KubernetesClientConfiguration FromFile(string file, string? master)
    {
        try
        {
            var kubeconfig = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file));
            AllowAnonymousUser(kubeconfig);
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, masterUrl: string.IsNullOrEmpty(master) ? null : master);
        }
        catch (Exception e) when (e is not KubeConfigException and (IOException or FormatException or YamlDotNet.Core.YamlException or ArgumentException or NullReferenceException))
        {
            throw new KubeConfigException($"kubeconfig {file}: {e.Message}", e);
        }
    }

    /// <summary>
    /// A context whose user entry carries no credentials (<c>user: {}</c>, e.g. behind <c>kubectl proxy</c>) is anonymous
    /// access to client-go; KubernetesClient refuses it, so the empty user is dropped from the context.
    /// </summary>
    private static void AllowAnonymousUser(K8SConfiguration kubeconfig)
    {
        var context = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == kubeconfig.CurrentContext)?.ContextDetails;
        var user = context is null ? null : kubeconfig.Users?.FirstOrDefault(u => u.Name == context.User)?.UserCredentials;
        if (context is not null && user is not null
            && string.IsNullOrEmpty(user.Token) && string.IsNullOrEmpty(user.ClientCertificateData) && string.IsNullOrEmpty(user.ClientCertificate)
            && string.IsNullOrEmpty(user.UserName) && user.AuthProvider is null && user.ExternalExecution is null)
        {
            context.User = null;
        }
    }
}
