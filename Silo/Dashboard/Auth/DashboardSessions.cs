using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ccm.Silo.Dashboard.Auth;

/// <summary>
/// Browser sessions for token mode: the Orleans dashboard's page sends no <c>Authorization</c> header, so after a token
/// sign-in the browser holds a cookie instead. The cookie is <c>v1.&lt;expiry&gt;.&lt;nonce&gt;.&lt;mac&gt;</c>: an
/// expiry (unix seconds) and a random nonce, signed with HMAC-SHA256. It never contains the token, and nothing can be
/// learnt from it but its expiry.
/// <para>
/// The signing key is derived from the token (PBKDF2 over its SHA-256, computed once per token value), not drawn per
/// process: the chart's dashboard Service sends each request to any ready silo, and every silo must accept the session
/// another one started (a peer also accepts it when a silo forwards it for the cluster view). Rotating the token
/// therefore ends every session at once. The slow derivation makes a stolen cookie a poor oracle for guessing the token.
/// Signing out removes the cookie from the browser; a copied cookie stays valid until its expiry or a token rotation.
/// </para>
/// </summary>
internal sealed class DashboardSessions(TimeProvider time)
{
    public const string CookieName = "ccm-dashboard-session";

    /// <summary>How long a sign-in lasts (absolute, not sliding: a working day).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const string Version = "v1";
    private const int NonceBytes = 16;
    private const int KeyIterations = 100_000;
    private static readonly byte[] KeySalt = Encoding.ASCII.GetBytes("ccm-dashboard-session-key/v1");

    private readonly Lock gate = new();
    private (byte[] TokenHash, byte[] Key)? derived;

    /// <summary>A new session's cookie value and its expiry, signed for the token whose hash is <paramref name="tokenHash"/>.</summary>
    public (string Value, DateTimeOffset Expires) Issue(byte[] tokenHash)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var payload = $"{Version}.{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(NonceBytes))}";
        return ($"{payload}.{Base64Url.EncodeToString(Sign(tokenHash, payload))}", expires);
    }

    /// <summary>Whether <paramref name="cookie"/> is a session signed for this token that has not expired.</summary>
    public bool IsValid(string? cookie, byte[] tokenHash)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 200)
        {
            return false;
        }

        var parts = cookie.Split('.');
        if (parts is not [Version, var expiry, _, var mac]
            || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799)) <= time.GetUtcNow()
            || !Base64Url.IsValid(mac))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(mac), Sign(tokenHash, cookie[..cookie.LastIndexOf('.')]));
    }

    private byte[] Sign(byte[] tokenHash, string payload) => HMACSHA256.HashData(Key(tokenHash), Encoding.ASCII.GetBytes(payload));

    private byte[] Key(byte[] tokenHash)
    {
        lock (gate)
        {
            if (derived is not { } current || !CryptographicOperations.FixedTimeEquals(current.TokenHash, tokenHash))
            {
                derived = current = (tokenHash, Rfc2898DeriveBytes.Pbkdf2(tokenHash, KeySalt, KeyIterations, HashAlgorithmName.SHA256, 32));
            }

            return current.Key;
        }
    }
}
