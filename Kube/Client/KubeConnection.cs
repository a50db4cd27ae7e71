using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Serialization;

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
    /// <summary>
    /// Reads a kubeconfig into KubernetesClient's model, whose members carry their YAML names. Not KubernetesClient's
    /// <c>LoadKubeConfig</c>: it goes through <c>KubernetesYaml</c>, whose first use builds three YAML (de)serializers
    /// over every model type of the client (about 52,000 attribute mappings, 4.5 MB that stay on the heap, and every
    /// model type loaded) to read a file of a dozen fields, and the silo never reads YAML from the API server.
    /// </summary>
    private static readonly IDeserializer KubeconfigYaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

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
            var kubeconfig = KubeconfigYaml.Deserialize<K8SConfiguration?>(File.ReadAllText(file))
                ?? throw new KubeConfigException("the file is empty; it needs at least clusters, contexts and current-context");
            kubeconfig.FileName = Path.GetFullPath(file); // relative certificate and key paths are relative to the file, as kubectl reads them
            AllowAnonymousUser(kubeconfig);
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, masterUrl: string.IsNullOrEmpty(master) ? null : master);
            using var probe = new Kubernetes(config); // decodes the client certificate now, so a bad one is reported with its file
            return config;
        }
        catch (Exception e) when (e is KubeConfigException or IOException or FormatException or YamlDotNet.Core.YamlException or ArgumentException or NullReferenceException)
        {
            throw new KubeConfigException($"kubeconfig {file}: {e.Message}", e);
        }
    }

    /// <summary>
    /// client-go sends the requests of a context whose user has no credentials (<c>user: {}</c>) anonymously, as kubectl
    /// does; KubernetesClient refuses such a kubeconfig. Dropping the user from the context makes it anonymous there too.
    /// </summary>
    private static void AllowAnonymousUser(K8SConfiguration kubeconfig)
    {
        var context = kubeconfig.Contexts?.FirstOrDefault(c => string.Equals(c.Name, kubeconfig.CurrentContext, StringComparison.OrdinalIgnoreCase));
        var user = kubeconfig.Users?.FirstOrDefault(u => string.Equals(u.Name, context?.ContextDetails?.User, StringComparison.OrdinalIgnoreCase));
        if (context?.ContextDetails is { } details && user?.UserCredentials is { } credentials && HasNone(credentials))
        {
            details.User = null;
        }
    }

    private static bool HasNone(UserCredentials c) =>
        string.IsNullOrEmpty(c.Token) && string.IsNullOrEmpty(c.UserName) && string.IsNullOrEmpty(c.Password)
        && string.IsNullOrEmpty(c.ClientCertificate) && string.IsNullOrEmpty(c.ClientCertificateData)
        && string.IsNullOrEmpty(c.ClientKey) && string.IsNullOrEmpty(c.ClientKeyData)
        && c.AuthProvider is null && c.ExternalExecution is null;
}
