using System.Security.Cryptography;
using System.Text;
using Ccm.Silo.Dashboard.Auth;
using Microsoft.AspNetCore.Http;

namespace Ccm.Silo.Dashboard.Cluster;

/// <summary>
/// What a silo forwards to its peers when it reads them for a caller: the caller's <c>Authorization</c> header, or
/// (a browser signed in with the token) its session cookie, which every silo of the cluster accepts.
/// </summary>
internal readonly record struct PeerCredentials(string? Authorization, string? Session)
{
    public static PeerCredentials Of(HttpRequest request) =>
        new(request.Headers.Authorization.FirstOrDefault(), DashboardGate.SessionOf(request));

    /// <summary>Adds the credentials to a request to a peer.</summary>
    public void ApplyTo(HttpRequestMessage request)
    {
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }
        else if (Session is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{DashboardSessions.CookieName}={Session}");
        }
    }

    /// <summary>Stands for the credentials in a cache key; they themselves are not kept.</summary>
    public string Fingerprint() =>
        Authorization is null && Session is null
            ? "-"
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Authorization}\n{Session}")));
}
