using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ccm.Silo.Flags;

/// <summary>Parses <c>--cluster-cidr</c>: one IPv4 CIDR block, as the route controller keeps pod routes inside it.</summary>
public static class Ipv4Cidr
{
    private const string Example = "e.g. 172.20.0.0/16";

    /// <remarks>
    /// Go's <c>net.ParseCIDR</c>, which upstream uses, accepts host bits (<c>172.20.1.0/16</c>) and masks them; we do
    /// the same so a value that worked upstream keeps working.
    /// </remarks>
    public static bool TryParse(string text, out IPNetwork network, [NotNullWhen(false)] out string? error)
    {
        network = default;
        error = null;
        var value = text.Trim();
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = $"\"{text}\" has no prefix length (write an IPv4 CIDR block, {Example})";
            return false;
        }

        if (!IPAddress.TryParse(value[..slash], out var address))
        {
            error = $"\"{text}\" does not start with an IP address ({Example})";
            return false;
        }

        // IPAddress also reads shorthand such as "10.1" (10.0.0.1); a CIDR block names all four octets.
        if (address.AddressFamily != AddressFamily.InterNetwork || value[..slash].Count(c => c == '.') != 3)
        {
            error = address.AddressFamily == AddressFamily.InterNetwork
                ? $"\"{text}\" does not name all four octets of an IPv4 address ({Example})"
                : $"\"{text}\" is not IPv4; pod routes in a VPC route table are IPv4 ({Example})";
            return false;
        }

        if (!int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            error = $"\"{text}\" has an invalid prefix length (0 to 32, {Example})";
            return false;
        }

        var bytes = address.GetAddressBytes();
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        var masked = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) & mask;
        network = new IPNetwork(new IPAddress([(byte)(masked >> 24), (byte)(masked >> 16), (byte)(masked >> 8), (byte)masked]), prefix);
        return true;
    }
}
