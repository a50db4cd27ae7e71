using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Ccm.Kube.Config;

/// <summary>Builds the HTTP handler for a <see cref="KubeClientConfig"/>: TLS trust, client certificate, pooling.</summary>
public static class KubeHttpHandlerFactory
{
    public static SocketsHttpHandler Create(KubeClientConfig config)
    {
        var handler = new SocketsHttpHandler
        {
            // Re-resolve the server's address now and then (API server endpoints move), and never follow
            // redirects with our credentials.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
        };

        if (config.Server.Scheme == Uri.UriSchemeHttps)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = config.TlsServerName ?? config.Server.IdnHost,
                ClientCertificates = config.ClientCertificate is null ? null : [config.ClientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    IsTrusted(config, certificate as X509Certificate2, chain, errors),
            };
        }

        return handler;
    }

    /// <summary>
    /// With <c>insecure-skip-tls-verify</c> anything goes; with a CA bundle the chain must end in one of its roots
    /// (system roots are not consulted, as in client-go) and the name must match; otherwise the system decides.
    /// </summary>
    internal static bool IsTrusted(KubeClientConfig config, X509Certificate2? certificate, X509Chain? systemChain, SslPolicyErrors errors)
    {
        if (config.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (config.CertificateAuthorities is not { Count: > 0 } roots)
        {
            return errors == SslPolicyErrors.None;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (systemChain is not null)
        {
            foreach (var element in systemChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
