using System.Net;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// Cluster IPs from the service CIDR, as the API server's allocator hands them out: the network and broadcast
/// addresses are never used, the first address is the <c>kubernetes</c> Service's, and dynamic allocations are random
/// and prefer the upper part of the range, leaving the lower "static" band to addresses users ask for by hand
/// (KEP-3070). Mutated only under the store's write lock.
/// </summary>
internal sealed class ClusterIpAllocator
{
    private readonly uint network;
    private readonly uint size;
    private readonly uint staticBand;
    private readonly HashSet<uint> used = [];
    private readonly Random random;

    public ClusterIpAllocator(string cidr, Random random)
    {
        var (address, prefix) = ParseCidr(cidr);
        if (prefix is < 8 or > 30)
        {
            throw new ArgumentException($"service CIDR {cidr} must be an IPv4 range between /8 and /30", nameof(cidr));
        }

        network = address;
        size = 1u << (32 - prefix);
        staticBand = Math.Min(Math.Max(16u, size / 16), 256u);
        this.random = random;
        Cidr = cidr;
    }

    public string Cidr { get; }

    /// <summary>The first usable address: the <c>kubernetes</c> Service's cluster IP.</summary>
    public string First => Format(network + 1);

    public int Count => used.Count;

    public bool InRange(string ip) => TryParse(ip, out var value) && value > network && value < network + size - 1;

    /// <summary>Reserves a specific address; false if it is outside the range or taken.</summary>
    public bool TryAllocate(string ip) => TryParse(ip, out var value) && InRange(ip) && used.Add(value);

    /// <summary>Picks a free address, or null when the range is full.</summary>
    public string? AllocateNext()
    {
        var usable = size - 2;
        if (used.Count >= usable)
        {
            return null;
        }

        // Random probing in the dynamic band first, then a linear scan of the whole range when that band is crowded.
        var dynamicStart = staticBand + 1 < usable ? staticBand + 1 : 1;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var offset = (uint)random.NextInt64(dynamicStart, usable + 1);
            if (used.Add(network + offset))
            {
                return Format(network + offset);
            }
        }

        for (var offset = 1u; offset <= usable; offset++)
        {
            var candidate = (offset + dynamicStart - 1) % usable + 1;
            if (used.Add(network + candidate))
            {
                return Format(network + candidate);
            }
        }

        return null;
    }

    public void Release(string ip)
    {
        if (TryParse(ip, out var value))
        {
            used.Remove(value);
        }
    }

    /// <summary>Forgets every allocation (a restart rebuilds them from the stored Services).</summary>
    public void Clear() => used.Clear();

    private static (uint Address, int Prefix) ParseCidr(string cidr)
    {
        var parts = cidr.Split('/');
        return parts.Length == 2 && TryParse(parts[0], out var address) && int.TryParse(parts[1], out var prefix)
            ? (address & (prefix == 0 ? 0 : uint.MaxValue << (32 - prefix)), prefix)
            : throw new ArgumentException($"\"{cidr}\" is not an IPv4 CIDR", nameof(cidr));
    }

    private static bool TryParse(string ip, out uint value)
    {
        value = 0;
        if (!IPAddress.TryParse(ip, out var parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = parsed.GetAddressBytes();
        value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return true;
    }

    private static string Format(uint value) => new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
}
