namespace Ccm.Kube.Config;

/// <summary>
/// The configuration of a process running in a Pod, as client-go's <c>rest.InClusterConfig</c> builds it:
/// <c>https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT</c>, the service account token (re-read every
/// minute, since projected tokens rotate), <c>ca.crt</c> and <c>namespace</c> from the same folder.
/// </summary>
public static class InClusterConfig
{
    public const string ServiceAccountFolder = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>True when both service variables are set (client-go's test for ErrNotInCluster).</summary>
    public static bool IsAvailable(IKubeEnvironment environment) =>
        !string.IsNullOrEmpty(environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"));

    public static KubeClientConfig Load(KubeClientConfigLoadOptions options)
    {
        var environment = options.Environment;
        var host = environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeconfigException("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set");
        }

        // An IPv6 service address must be bracketed in a URL (net.JoinHostPort in client-go).
        var authority = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
        if (!Uri.TryCreate($"https://{authority}", UriKind.Absolute, out var server))
        {
            throw new KubeconfigException($"KUBERNETES_SERVICE_HOST/PORT ('{host}', '{port}') do not form a valid address");
        }

        var tokenPath = Path.Combine(ServiceAccountFolder, "token");
        var token = new FileTokenSource(tokenPath, environment, options.TimeProvider, options.Logger);
        token.Read(); // fail now, naming the file, rather than on the first request

        var caPath = Path.Combine(ServiceAccountFolder, "ca.crt");
        var namespacePath = Path.Combine(ServiceAccountFolder, "namespace");
        return new KubeClientConfig
        {
            Server = server,
            BearerToken = token,
            CertificateAuthorities = environment.FileExists(caPath) ? PemCertificates.ParseBundle(environment.ReadAllBytes(caPath), caPath) : null,
            Namespace = environment.FileExists(namespacePath) ? ReadTrimmed(environment, namespacePath) ?? "default" : "default",
            Source = "in-cluster service account",
        };
    }

    private static string? ReadTrimmed(IKubeEnvironment environment, string path)
    {
        var text = System.Text.Encoding.UTF8.GetString(environment.ReadAllBytes(path)).Trim();
        return text.Length == 0 ? null : text;
    }
}
