using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary><see cref="IEcsClient"/> over an <see cref="IOpenApiTransport"/> for <see cref="CloudProduct.Ecs"/>.</summary>
public sealed class EcsClient : IEcsClient
{
    private readonly IOpenApiTransport transport;

    public EcsClient(IOpenApiTransport transport)
    {
        this.transport = transport.Expect(CloudProduct.Ecs, nameof(EcsClient));
    }

    public IAsyncEnumerable<Instance> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken) =>
        Paging.ByNextTokenAsync(
            (token, ct) => transport.CallAsync(EcsActions.DescribeInstances,
                request.ToParameters().Add("MaxResults", request.MaxResults).Add("NextToken", token), EcsJsonContext.Default.DescribeInstancesResponse, ct),
            r => r.Instances, r => r.NextToken, cancellationToken);

    public IAsyncEnumerable<NetworkInterfaceSet> DescribeNetworkInterfacesAsync(DescribeNetworkInterfacesRequest request, CancellationToken cancellationToken) =>
        Paging.ByNextTokenAsync(
            (token, ct) => transport.CallAsync(EcsActions.DescribeNetworkInterfaces,
                request.ToParameters().Add("MaxResults", request.MaxResults).Add("NextToken", token), EcsJsonContext.Default.DescribeNetworkInterfacesResponse, ct),
            r => r.NetworkInterfaceSets, r => r.NextToken, cancellationToken);

    public Task<OpenApiResponse> ModifyNetworkInterfaceAttributeAsync(ModifyNetworkInterfaceAttributeRequest request, CancellationToken cancellationToken) =>
        transport.CallAsync(EcsActions.ModifyNetworkInterfaceAttribute, request.ToParameters(), EcsJsonContext.Default.OpenApiResponse, cancellationToken);
}
