using System.Security.Cryptography;
using System.Text;

namespace Ccm.Clustering.Kubernetes.Objects;

/// <summary>
/// Turns Orleans identifiers into the start of Kubernetes object names: lower-case DNS-1123 (a-z, 0-9, '-', starting
/// and ending with an alphanumeric), at most <see cref="MaxLength"/> characters so that every name built on it stays a
/// valid DNS label (63) with room for suffixes such as <c>-reminders-255</c>. The mapping is a pure function of its
/// input, so every silo of a deployment, and every release of this code, derives the same names.
/// </summary>
public static class ObjectNamePrefix
{
    /// <summary>The longest prefix produced; longer input is cut and keeps a hash of the whole input.</summary>
    public const int MaxLength = 40;

    /// <summary>The default prefix of the membership objects: <c>orleans-{serviceId}-{clusterId}</c>, sanitized.</summary>
    public static string ForMembership(string serviceId, string clusterId) => Sanitize($"orleans-{serviceId}-{clusterId}");

    /// <summary>
    /// The default prefix of the reminder objects: <c>orleans-{serviceId}</c>, sanitized. Reminders belong to the
    /// service, not to one deployment of it (Orleans keys them by ServiceId), so a new ClusterId finds them again.
    /// </summary>
    public static string ForReminders(string serviceId) => Sanitize($"orleans-{serviceId}");

    /// <summary>
    /// Lower-cases, replaces every run of characters outside [a-z0-9] by one '-', trims '-' at both ends, and cuts
    /// input longer than <see cref="MaxLength"/> to 31 characters plus '-' plus 8 hex digits of the SHA-256 of the
    /// original text (so two long ids that share a beginning stay apart).
    /// </summary>
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            var valid = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (valid)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var sanitized = builder.ToString().Trim('-');
        if (sanitized.Length == 0)
        {
            sanitized = "orleans";
        }

        if (sanitized.Length <= MaxLength)
        {
            return sanitized;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
        return $"{sanitized[..31].TrimEnd('-')}-{hash}";
    }

    /// <summary>Whether <paramref name="prefix"/> is one <see cref="Sanitize"/> could have produced (for configured prefixes).</summary>
    public static bool IsValid(string prefix) =>
        prefix.Length is > 0 and <= MaxLength && Sanitize(prefix) == prefix;
}
