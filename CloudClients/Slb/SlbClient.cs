using System.Text.Json.Serialization.Metadata;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>
/// <see cref="ISlbClient"/> over an <see cref="IOpenApiTransport"/> for <see cref="CloudProduct.Slb"/>. Each method is
/// one line: the request record knows its encoding, <see cref="SlbActions"/> its retry-safety, the transport the rest.
/// Split by concept over <c>SlbClient.*.cs</c>.
/// </summary>
public sealed partial class SlbClient : ISlbClient
{
    private static readonly SlbJsonContext Json = SlbJsonContext.Default;
    private readonly IOpenApiTransport transport;

    public SlbClient(IOpenApiTransport transport)
    {
        this.transport = transport.Expect(CloudProduct.Slb, nameof(SlbClient));
    }

    public Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.CreateLoadBalancer, request, Json.CreateLoadBalancerResponse, cancellationToken);

    public Task<OpenApiResponse> DeleteLoadBalancerAsync(string loadBalancerId, CancellationToken cancellationToken) =>
        Call(SlbActions.DeleteLoadBalancer, new LoadBalancerIdRequest(loadBalancerId), Json.OpenApiResponse, cancellationToken);

    public IAsyncEnumerable<LoadBalancer> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken) =>
        Paging.ByPageNumberAsync(
            (page, ct) => Call(SlbActions.DescribeLoadBalancers, request.ToParameters().Add("PageNumber", page).Add("PageSize", request.PageSize), Json.DescribeLoadBalancersResponse, ct),
            r => r.LoadBalancers, r => r.TotalCount, cancellationToken);

    public Task<DescribeLoadBalancerAttributeResponse> DescribeLoadBalancerAttributeAsync(string loadBalancerId, CancellationToken cancellationToken) =>
        Call(SlbActions.DescribeLoadBalancerAttribute, new LoadBalancerIdRequest(loadBalancerId), Json.DescribeLoadBalancerAttributeResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerDeleteProtectionAsync(SetLoadBalancerDeleteProtectionRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerDeleteProtection, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerModificationProtectionAsync(SetLoadBalancerModificationProtectionRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerModificationProtection, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> SetLoadBalancerNameAsync(SetLoadBalancerNameRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.SetLoadBalancerName, request, Json.OpenApiResponse, cancellationToken);

    public Task<ModifyLoadBalancerSpecResponse> ModifyLoadBalancerInternetSpecAsync(ModifyLoadBalancerInternetSpecRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.ModifyLoadBalancerInternetSpec, request, Json.ModifyLoadBalancerSpecResponse, cancellationToken);

    public Task<ModifyLoadBalancerSpecResponse> ModifyLoadBalancerInstanceSpecAsync(ModifyLoadBalancerInstanceSpecRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.ModifyLoadBalancerInstanceSpec, request, Json.ModifyLoadBalancerSpecResponse, cancellationToken);

    public Task<OpenApiResponse> ModifyLoadBalancerInstanceChargeTypeAsync(ModifyLoadBalancerInstanceChargeTypeRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.ModifyLoadBalancerInstanceChargeType, request, Json.OpenApiResponse, cancellationToken);

    private Task<T> Call<T>(CloudAction action, IRpcRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class, IOpenApiResponse =>
        transport.CallAsync(action, request.ToParameters(), type, cancellationToken);

    private Task<T> Call<T>(CloudAction action, RpcParameters parameters, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class, IOpenApiResponse =>
        transport.CallAsync(action, parameters, type, cancellationToken);
}
