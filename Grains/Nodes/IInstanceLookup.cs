namespace Ccm.Grains.Nodes;

/// <summary>
/// Finds ECS instances for Node grains. One per silo: concurrent requests are gathered and answered with as few
/// DescribeInstances calls as the API allows (up to 100 ids or IPs each), instead of one call per node. A lookup
/// <c>withSourceDestCheck</c> also reads the source/destination check of the instance's primary ENI, with one
/// DescribeNetworkInterfaces for all such lookups of the batch (upstream reads a new node batch's ENIs the same way).
/// </summary>
public interface IInstanceLookup
{
    /// <summary>The instance with this id (any VPC), or no match when the region has no such instance.</summary>
    /// <exception cref="Exception">The batch this request rode in failed; the caller retries.</exception>
    Task<InstanceLookup> FindByIdAsync(string instanceId, bool withSourceDestCheck, CancellationToken cancellationToken);

    /// <summary>The instances of the cluster's VPC that have this private IP.</summary>
    /// <exception cref="Exception">The batch this request rode in failed; the caller retries.</exception>
    Task<InstanceLookup> FindByPrivateIpAsync(string privateIp, bool withSourceDestCheck, CancellationToken cancellationToken);
}
