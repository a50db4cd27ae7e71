using System.Collections.Immutable;
using System.Net;
using Ccm.CloudClients.Ecs;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Services;

/// <summary>
/// Finds the ENI behind each pod IP for <c>eni</c> members (DescribeNetworkInterfaces, 100 IPs per call, in use, in
/// our VPC). An IP outside the VPC's CIDR blocks cannot be a CLB member and is skipped (upstream emits an Event); an
/// IP inside the VPC without an ENI is "missing": the caller must not remove members on such a partial picture.
/// </summary>
public sealed class EniResolver(IEcsClient ecs, IVpcClient vpc, CcmOptions options, TimeProvider time)
{
    private static readonly TimeSpan CidrLifetime = TimeSpan.FromMinutes(10);

    // The VPC's blocks change rarely (a secondary block added): shared by every grain, refreshed now and then.
    private volatile CidrSnapshot? cidrs;

    public sealed record Result(ImmutableDictionary<string, string> EniByIp, ImmutableArray<string> OutsideVpc, ImmutableArray<string> Missing);

    /// <param name="ipv6">Pod IPs are IPv6 (<c>backend-ip-version: ipv6</c>): ENIs are found by their IPv6 addresses, and only
    /// IPs no ENI holds are checked against the VPC's IPv6 block, as upstream does (a VPC may report none).</param>
    public async Task<Result> ResolveAsync(IReadOnlyList<string> ips, bool ipv6, CancellationToken cancellationToken)
    {
        if (ips.Count == 0)
        {
            return new Result(ImmutableDictionary<string, string>.Empty, [], []);
        }

        if (ipv6)
        {
            var found6 = await LookUpAsync(ips, ipv6: true, cancellationToken);
            var blocks6 = await VpcCidrsAsync(ipv6: true, cancellationToken);
            var unresolved = ips.Where(ip => !found6.ContainsKey(ip)).ToList();
            var inside6 = unresolved.Where(ip => Inside(ip, blocks6)).ToList();
            return new Result(found6, [.. unresolved.Except(inside6)], [.. inside6]);
        }

        var blocks = await VpcCidrsAsync(ipv6: false, cancellationToken);
        var inside = ips.Where(ip => Inside(ip, blocks)).ToList();
        var found = await LookUpAsync(inside, ipv6: false, cancellationToken);
        return new Result(found, [.. ips.Except(inside)], [.. inside.Where(ip => !found.ContainsKey(ip))]);
    }

    private async Task<ImmutableDictionary<string, string>> LookUpAsync(IReadOnlyList<string> ips, bool ipv6, CancellationToken cancellationToken)
    {
        var found = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var batch in ips.Chunk(DescribeNetworkInterfacesRequest.MaxIpsPerCall))
        {
            var request = ipv6
                ? new DescribeNetworkInterfacesRequest { Ipv6Addresses = batch, VpcId = options.VpcId, Status = "InUse" }
                : new DescribeNetworkInterfacesRequest { PrivateIpAddresses = batch, VpcId = options.VpcId, Status = "InUse" };
            await foreach (var eni in ecs.DescribeNetworkInterfacesAsync(request, cancellationToken))
            {
                var held = ipv6
                    ? eni.Ipv6Sets.Select(s => s.Ipv6Address)
                    : eni.PrivateIpSets.Select(s => s.PrivateIpAddress).Append(eni.PrivateIpAddress);
                foreach (var ip in batch.Where(ip => held.Any(h => h is not null && IPAddress.TryParse(h, out var a) && IPAddress.TryParse(ip, out var b) && a.Equals(b))))
                {
                    found[ip] = eni.NetworkInterfaceId;
                }
            }
        }

        return found.ToImmutable();
    }

    private static bool Inside(string ip, ImmutableArray<IPNetwork> blocks) => IPAddress.TryParse(ip, out var a) && blocks.Any(b => b.Contains(a));

    private async Task<ImmutableArray<IPNetwork>> VpcCidrsAsync(bool ipv6, CancellationToken cancellationToken)
    {
        if (cidrs is { } cached && time.GetUtcNow() - cached.ReadAt < CidrLifetime)
        {
            return ipv6 ? cached.Ipv6 : cached.Ipv4;
        }

        var attribute = await vpc.DescribeVpcAttributeAsync(options.VpcId, cancellationToken);
        var v4 = Parse([attribute.CidrBlock, .. attribute.SecondaryCidrBlocks]);
        var v6 = Parse([attribute.Ipv6CidrBlock]);
        cidrs = new CidrSnapshot(v4, v6, time.GetUtcNow());
        return ipv6 ? v6 : v4;
    }

    private static ImmutableArray<IPNetwork> Parse(IEnumerable<string?> blocks) =>
        [.. blocks.Where(b => IPNetwork.TryParse(b, out _)).Select(b => IPNetwork.Parse(b!))];

    private sealed record CidrSnapshot(ImmutableArray<IPNetwork> Ipv4, ImmutableArray<IPNetwork> Ipv6, DateTimeOffset ReadAt);
}
