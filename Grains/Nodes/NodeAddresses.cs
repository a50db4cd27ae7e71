using Ccm.CloudClients.Ecs;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>The addresses a Node should have, from its ECS instance (upstream's rules, kept).</summary>
public static class NodeAddresses
{
    public const string InternalIp = "InternalIP";
    public const string ExternalIp = "ExternalIP";
    public const string Hostname = "Hostname";

    /// <summary>
    /// InternalIP from the instance's private IPs, ExternalIP from its public IP and EIP, and the kubelet's Hostname
    /// kept. With <c>alpha.kubernetes.io/provided-node-ip</c>, every address type that contains the provided IP is cut
    /// down to that IP (cloud-provider's <c>GetNodeAddressesFromNodeIP</c>); null when the instance has no such
    /// address, so that the node is left alone rather than given an address its kubelet does not use.
    /// </summary>
    public static IReadOnlyList<V1NodeAddress>? Desired(V1Node node, Instance instance)
    {
        IReadOnlyList<string> internalIps = [.. InstanceBatch.PrivateIps(instance).Where(NotEmpty).Distinct(StringComparer.Ordinal)];
        IReadOnlyList<string> externalIps = [.. instance.PublicIpAddress.Append(instance.EipAddress?.IpAddress ?? "").Where(NotEmpty).Distinct(StringComparer.Ordinal)];
        var provided = NodeFacts.ProvidedNodeIps(node);
        if (provided.Count > 0)
        {
            var matched = provided.Where(ip => internalIps.Contains(ip) || externalIps.Contains(ip)).ToList();
            if (matched.Count == 0)
            {
                return null;
            }

            internalIps = Enforce(internalIps, matched);
            externalIps = Enforce(externalIps, matched);
        }

        return
        [
            .. internalIps.Select(ip => Address(InternalIp, ip)),
            .. externalIps.Select(ip => Address(ExternalIp, ip)),
            .. NodeFacts.Addresses(node, Hostname).Select(name => Address(Hostname, name)),
        ];
    }

    /// <summary>Whether the node already has exactly these addresses (in any order): then nothing is written.</summary>
    public static bool Same(IEnumerable<V1NodeAddress>? current, IReadOnlyList<V1NodeAddress> desired) =>
        Key(current ?? []).SequenceEqual(Key(desired), StringComparer.Ordinal);

    private static List<string> Enforce(IReadOnlyList<string> ips, List<string> provided) =>
        ips.Any(provided.Contains) ? [.. ips.Where(provided.Contains)] : [.. ips];

    private static V1NodeAddress Address(string type, string address) => new() { Type = type, Address = address };

    private static IEnumerable<string> Key(IEnumerable<V1NodeAddress> addresses) =>
        addresses.Select(a => $"{a.Type}/{a.Address}").Order(StringComparer.Ordinal);

    private static bool NotEmpty(string value) => !string.IsNullOrEmpty(value);
}
