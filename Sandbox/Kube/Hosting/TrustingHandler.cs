using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Ccm.Sandbox.Kube.Hosting;

/// <summary>
/// What a client of the emulator needs on the wire, as a kubeconfig's cluster and user give it: trust in the emulator's
/// CA alone (no system roots, as client-go does with <c>certificate-authority-data</c>) and the bearer token on every
/// request. For raw-HTTP tests and tools that do not read kubeconfigs.
/// </summary>
internal sealed class TrustingHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue? authorization;

    private TrustingHandler(HttpMessageHandler inner, string? token)
        : base(inner) => authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    public static HttpMessageHandler Create(X509Certificate2? authority, string? token)
    {
        var sockets = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        if (authority is not null)
        {
            sockets.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsSignedBy(authority, certificate as X509Certificate2, errors),
            };
        }

        return new TrustingHandler(sockets, token);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (authorization is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = authorization;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool IsSignedBy(X509Certificate2 authority, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
