using System.Net;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// Picks a pod IP from a node's pod CIDR, as a host-local IPAM would: the lowest free address from .2 up (.0 is the
/// network, .1 the node's bridge, the last the broadcast).
/// </summary>
internal static class PodIpAllocator
{
    public static string? Next(string podCidr, IReadOnlySet<string> used)
    {
        var parts = podCidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var network) || !int.TryParse(parts[1], out var prefix)
            || network.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || prefix is < 8 or > 30)
        {
            return null;
        }

        var bytes = network.GetAddressBytes();
        var baseAddress = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        var size = 1u << (32 - prefix);
        for (var offset = 2u; offset < size - 1; offset++)
        {
            var value = baseAddress + offset;
            var candidate = new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
