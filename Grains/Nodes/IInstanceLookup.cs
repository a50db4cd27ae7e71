namespace Ccm.Grains.Nodes;

/// <summary>
/// Finds ECS instances for Node grains. One per silo: concurrent requests are gathered and answered with as few
/// DescribeInstances calls as the API allows (up to 100 ids or IPs each), instead of one call per node.
/// </summary>
public interface IInstanceLookup
{
    /// <summary>The instance with this id (any VPC), or no match when the region has no such instance.</summary>
    /// <exception cref="Exception">The batch this request rode in failed; the caller retries.</exception>
    Task<InstanceLookup> FindByIdAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The instances of the cluster's VPC that have this private IP.</summary>
    /// <exception cref="Exception">The batch this request rode in failed; the caller retries.</exception>
    Task<InstanceLookup> FindByPrivateIpAsync(string privateIp, CancellationToken cancellationToken);
}
