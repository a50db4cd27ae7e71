using k8s;
using k8s.Exceptions;

namespace Ccm.Kube.Client;

/// <summary>
/// The in-cluster configuration: <c>KUBERNETES_SERVICE_HOST/PORT</c>, the CA bundle and a token file that the kubelet
/// rotates (<see cref="ServiceAccountToken"/> re-reads it). KubernetesClient's <c>InClusterConfig()</c> does the same
/// from a fixed folder; this one takes the folder from <see cref="IKubeEnvironment"/> so it can be tested.
/// </summary>
public static class ServiceAccount
{
    public static bool IsAvailable(IKubeEnvironment environment) =>
        !string.IsNullOrEmpty(environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"))
        && environment.FileExists(Path.Combine(environment.ServiceAccountFolder, "token"));

    /// <param name="environment">Where the variables and the service-account folder are.</param>
    /// <param name="time">The clock that decides when the token file is looked at again.</param>
    public static KubernetesClientConfiguration Load(IKubeEnvironment environment, TimeProvider? time = null)
    {
        var host = environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")!;
        var port = environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT")!;

        // An IPv6 service address is bracketed in a URL (net.JoinHostPort in client-go).
        var authority = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
        if (!Uri.TryCreate($"https://{authority}", UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"KUBERNETES_SERVICE_HOST/PORT ('{host}', '{port}') do not form a valid address");
        }

        var folder = environment.ServiceAccountFolder;
        var token = new ServiceAccountToken(Path.Combine(folder, "token"), time);
        token.Read(); // fail now, naming the file, rather than on the first request
        var ca = Path.Combine(folder, "ca.crt");
        var ns = Path.Combine(folder, "namespace");
        return new KubernetesClientConfiguration
        {
            Host = server.ToString(),
            TokenProvider = token,
            SslCaCerts = environment.FileExists(ca) ? CaBundle(ca) : null,
            Namespace = environment.FileExists(ns) ? File.ReadAllText(ns).Trim() is { Length: > 0 } n ? n : "default" : "default",
        };
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection CaBundle(string path)
    {
        var bundle = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        bundle.ImportFromPemFile(path);
        return bundle;
    }
}
