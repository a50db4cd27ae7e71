namespace Ccm.CloudClients.Ecs;

/// <summary>ECS (2014-05-26): the two reads the node controller and ENI backends need.</summary>
public interface IEcsClient
{
    IAsyncEnumerable<Instance> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<NetworkInterfaceSet> DescribeNetworkInterfacesAsync(DescribeNetworkInterfacesRequest request, CancellationToken cancellationToken);
}
