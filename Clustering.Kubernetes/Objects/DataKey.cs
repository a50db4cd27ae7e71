using System.Security.Cryptography;
using System.Text;

namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>
/// ConfigMap data keys for rows. A key must match <c>[-._a-zA-Z0-9]+</c> and be at most 253 characters, while silo
/// addresses and grain ids contain ':', '@', '/' and anything a grain key holds. A key is therefore a readable,
/// sanitized and shortened form of the row's identity (for people running kubectl) followed by 16 hex digits of the
/// SHA-256 of the exact identity (so two identities that sanitize alike still get different keys). The row's value
/// always carries the exact identity; the key is never parsed back.
/// </summary>
internal static class DataKey
{
    private const int ReadableLength = 100;

    public static string For(string kind, string identity) => For(kind, identity, identity);

    /// <summary>A key showing <paramref name="readable"/> (sanitized, cut) and hashing the exact <paramref name="identity"/>.</summary>
    public static string For(string kind, string readable, string identity)
    {
        var shown = new StringBuilder(Math.Min(readable.Length, ReadableLength));
        foreach (var c in readable)
        {
            if (shown.Length == ReadableLength)
            {
                break;
            }

            shown.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return $"{kind}.{shown}.{hash}";
    }
}
