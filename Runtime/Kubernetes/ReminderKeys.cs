using System.Security.Cryptography;
using System.Text;

namespace Ccm.Runtime.Kubernetes;

/// <summary>
/// ConfigMap data keys for reminders. Keys may only hold <c>[-._a-zA-Z0-9]</c> (at most 253), while grain keys hold
/// '/' and more, so each part is escaped (anything but letters, digits and '-' becomes <c>_XX</c> per UTF-8 byte) and
/// the parts are joined with '.', which escaped parts never contain: distinct reminders never share a key. A key
/// too long falls back to a SHA-256 of the parts; the value holds the full identity either way.
/// </summary>
internal static class ReminderKeys
{
    private const int MaxLength = 253;

    public static string For(GrainId grainId, string reminderName)
    {
        var key = $"{Escape(grainId.Type)}.{Escape(grainId.Key)}.{Escape(reminderName)}";
        return key.Length <= MaxLength
            ? key
            : "h." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{grainId.Type}\n{grainId.Key}\n{reminderName}")));
    }

    private static string Escape(string part)
    {
        var builder = new StringBuilder(part.Length);
        foreach (var b in Encoding.UTF8.GetBytes(part))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b == '-')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('_').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
