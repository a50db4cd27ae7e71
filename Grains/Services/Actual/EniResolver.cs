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

    public async Task<Result> ResolveAsync(IReadOnlyList<string> ips, CancellationToken cancellationToken)
    {
        if (ips.Count == 0)
        {
            return new Result(ImmutableDictionary<string, string>.Empty, [], []);
        }

        var blocks = await VpcCidrsAsync(cancellationToken);
        var inside = ips.Where(ip => IPAddress.TryParse(ip, out var a) && blocks.Any(b => b.Contains(a))).ToList();
        var found = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var batch in inside.Chunk(DescribeNetworkInterfacesRequest.MaxIpsPerCall))
        {
            var request = new DescribeNetworkInterfacesRequest { PrivateIpAddresses = batch, VpcId = options.VpcId, Status = "InUse" };
            await foreach (var eni in ecs.DescribeNetworkInterfacesAsync(request, cancellationToken))
            {
                foreach (var ip in batch.Where(ip => eni.PrivateIpAddress == ip || eni.PrivateIpSets.Any(s => s.PrivateIpAddress == ip)))
                {
                    found[ip] = eni.NetworkInterfaceId;
                }
            }
        }

        return new Result(found.ToImmutable(), [.. ips.Except(inside)], [.. inside.Where(ip => !found.ContainsKey(ip))]);
    }

    private async Task<ImmutableArray<IPNetwork>> VpcCidrsAsync(CancellationToken cancellationToken)
    {
        if (cidrs is { } cached && time.GetUtcNow() - cached.ReadAt < CidrLifetime)
        {
            return cached.Cidrs;
        }

        var attribute = await vpc.DescribeVpcAttributeAsync(options.VpcId, cancellationToken);
        var blocks = new[] { attribute.CidrBlock }.Concat(attribute.SecondaryCidrBlocks)
            .Where(b => IPNetwork.TryParse(b, out _)).Select(b => IPNetwork.Parse(b!)).ToImmutableArray();
        cidrs = new CidrSnapshot(blocks, time.GetUtcNow());
        return blocks;
    }

    private sealed record CidrSnapshot(ImmutableArray<IPNetwork> Cidrs, DateTimeOffset ReadAt);
}
