using System.Collections.Immutable;
using Ccm.CloudClients;
using Ccm.CloudClients.Vpc;

namespace Ccm.Grains.Services;

/// <summary>
/// The EIPs of a Service (<c>external-ip-type: eip</c>): those bound to its load balancer (upstream's read, by
/// <c>AssociatedInstanceId</c>, which the status shows) and, when they matter, those we allocated (found by our two
/// tags, which we set at allocation: an EIP without them is never ours, whoever bound it).
/// </summary>
public sealed class EipFinder(IVpcClient vpc)
{
    /// <param name="wanted">The Service wants an EIP in front of <paramref name="loadBalancerId"/>.</param>
    /// <param name="mayOwn">An EIP of ours may exist (<see cref="ServiceRecords.EipAllocated"/>, or cleanup of a Service that wanted one).</param>
    public async Task<EipState> ReadAsync(ServiceIdentity identity, string? loadBalancerId, bool wanted, bool mayOwn, CancellationToken cancellationToken)
    {
        if (!wanted && !mayOwn)
        {
            return EipState.NotRead;
        }

        ImmutableArray<EipAddress> bound = [];
        if (wanted && loadBalancerId is not null)
        {
            bound = [.. await vpc.DescribeEipAddressesAsync(
                new DescribeEipAddressesRequest { AssociatedInstanceType = EipState.SlbInstance, AssociatedInstanceId = loadBalancerId }, cancellationToken)
                .ToListAsync(cancellationToken)];
        }

        // With an EIP bound there is nothing to allocate; otherwise one of ours may be waiting (a lost answer, a restart).
        var needOurs = wanted ? loadBalancerId is not null && bound.IsEmpty : mayOwn;
        ImmutableArray<EipAddress>? ours = needOurs
            ? [.. await vpc.DescribeEipAddressesAsync(new DescribeEipAddressesRequest { Tags = EipState.OwnershipTags(identity) }, cancellationToken)
                .ToListAsync(cancellationToken)]
            : null;
        return new EipState(bound, ours);
    }
}

/// <summary>What <see cref="EipFinder"/> read: the EIPs bound to the load balancer, and ours (null when not read).</summary>
public sealed record EipState(ImmutableArray<EipAddress> Bound, ImmutableArray<EipAddress>? Ours)
{
    public const string SlbInstance = "SlbInstance";

    public static EipState NotRead { get; } = new([], null);

    /// <summary>The tags an EIP we allocate carries: upstream's ownership and cluster marks, as on our load balancers.</summary>
    public static IReadOnlyList<Tag> OwnershipTags(ServiceIdentity identity) =>
        [new Tag(DesiredLoadBalancer.OwnerTagKey, identity.DefaultLoadBalancerName), new Tag(DesiredLoadBalancer.ClusterTagKey, identity.ClusterId)];

    public static bool IsOurs(EipAddress eip, ServiceIdentity identity) => OwnershipTags(identity).All(eip.Tags.Contains);
}
