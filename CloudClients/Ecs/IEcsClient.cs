using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>
/// ECS (2014-05-26): what the node controller and ENI backends need. Throws <see cref="OpenApiException"/> on a service
/// error (<c>InvalidEniId.NotFound</c>, the retryable <c>InvalidOperation.Conflict</c> …) and
/// <see cref="ReadOnlyModeException"/> for writes in read-only mode.
/// </summary>
public interface IEcsClient
{
    IAsyncEnumerable<Instance> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<NetworkInterfaceSet> DescribeNetworkInterfacesAsync(DescribeNetworkInterfacesRequest request, CancellationToken cancellationToken);

    /// <summary>Idempotent by effect. Fails with <c>InvalidEniId.NotFound</c> (404) for an unknown ENI.</summary>
    Task<OpenApiResponse> ModifyNetworkInterfaceAttributeAsync(ModifyNetworkInterfaceAttributeRequest request, CancellationToken cancellationToken);
}
