using System.Text;

namespace Ccm.CloudClients.Signing;

/// <summary>
/// RFC 3986 percent-encoding as Alibaba Cloud's signers use it: only <c>A-Z a-z 0-9 - _ . ~</c> stay literal,
/// everything else is UTF-8 bytes as <c>%XX</c> with uppercase hex (space is <c>%20</c>, never <c>+</c>).
/// </summary>
public static class PercentEncoding
{
    public static string Encode(string value)
    {
        if (IsAllUnreserved(value))
        {
            return value;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7F || !IsUnreserved((byte)c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z'
            or >= (byte)'a' and <= (byte)'z'
            or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
