using System.Net;
using System.Net.Sockets;

namespace Ccm.Grains.Routes;

/// <summary>IPv4 CIDR blocks as routes compare them: parsed strictly, written canonically.</summary>
public static class Ipv4Cidr
{
    /// <summary>
    /// The canonical text of an IPv4 network (<c>172.20.1.0/24</c>), or null for anything else: IPv6, a bare address,
    /// or host bits set after the prefix (the VPC refuses such a destination as malformed), so a block we do not
    /// understand is never matched, created or deleted.
    /// </summary>
    public static string? Canonical(string? text)
    {
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0 || !IPNetwork.TryParse(text!.Trim(), out var network) || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork
            || !IPAddress.TryParse(text.AsSpan(0, slash).Trim(), out var written) || !written.Equals(network.BaseAddress))
        {
            return null;
        }

        return network.ToString();
    }

    /// <summary>Whether the IPv4 block <paramref name="cidr"/> lies wholly inside <paramref name="outer"/>.</summary>
    public static bool IsInside(string cidr, IPNetwork outer) =>
        IPNetwork.TryParse(cidr, out var inner)
        && inner.BaseAddress.AddressFamily == outer.BaseAddress.AddressFamily
        && inner.PrefixLength >= outer.PrefixLength
        && outer.Contains(inner.BaseAddress);
}
