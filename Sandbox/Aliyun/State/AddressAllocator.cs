namespace Ccm.Sandbox.Aliyun.State;

/// <summary>Finds free private addresses in a vSwitch (not held by an ENI or a CLB), deterministically from a given host number.</summary>
internal static class AddressAllocator
{
    public static string? Free(CloudSnapshot s, VSwitch vSwitch, uint firstHost)
    {
        var cidr = Ipv4Cidr.Parse(vSwitch.CidrBlock);
        var used = s.NetworkInterfaces.Values.SelectMany(e => e.AllIpAddresses)
            .Concat(s.LoadBalancers.Values.Select(l => l.Address))
            .ToHashSet(StringComparer.Ordinal);
        // The last address of the block is reserved by the VPC.
        for (var host = firstHost; host < (1u << (32 - cidr.PrefixLength)) - 1; host++)
        {
            var candidate = Ipv4Cidr.Format(cidr.Network + host);
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
