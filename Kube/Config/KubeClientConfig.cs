using System.Security.Cryptography.X509Certificates;

namespace Ccm.Kube.Config;

/// <summary>
/// Where the API server is and how to authenticate to it, resolved from a kubeconfig context or the in-cluster
/// service account (see <see cref="KubeClientConfigLoader"/>). <see cref="ToString"/> shows no credential.
/// </summary>
public sealed record KubeClientConfig
{
    /// <summary>The API server's base address, <c>https://host:port</c> or (emulator, tests) <c>http://127.0.0.1:port</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The context's namespace (kubeconfig) or the service account's (in-cluster); <c>default</c> otherwise.</summary>
    public string Namespace { get; init; } = "default";

    public IBearerTokenSource? BearerToken { get; init; }

    /// <summary>Client certificate with its private key, for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// The roots to trust for the server certificate. When set they are the only roots (as client-go does with
    /// <c>certificate-authority</c>); when null the system store decides.
    /// </summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    /// <summary>Skip server certificate validation entirely (kubeconfig <c>insecure-skip-tls-verify</c>).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to check the server certificate against, when it differs from the server's host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>For logs: <c>kubeconfig /path (context c)</c> or <c>in-cluster</c>.</summary>
    public string Source { get; init; } = "";

    public override string ToString() =>
        $"{Server} ns={Namespace} from {Source}; auth: {(BearerToken is null ? "" : BearerToken + " ")}{(ClientCertificate is null ? "" : $"client certificate {ClientCertificate.Subject}")}";
}
