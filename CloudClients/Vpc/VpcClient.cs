using System.Text.Json.Serialization.Metadata;
using Ccm.CloudClients.Endpoints;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary><see cref="IVpcClient"/> over an <see cref="IOpenApiTransport"/> for <see cref="CloudProduct.Vpc"/>.</summary>
public sealed class VpcClient : IVpcClient
{
    private static readonly VpcJsonContext Json = VpcJsonContext.Default;
    private readonly IOpenApiTransport transport;

    public VpcClient(IOpenApiTransport transport)
    {
        this.transport = transport.Expect(CloudProduct.Vpc, nameof(VpcClient));
    }

    public IAsyncEnumerable<RouteTable> DescribeRouteTableListAsync(DescribeRouteTableListRequest request, CancellationToken cancellationToken) =>
        Paging.ByPageNumberAsync(
            (page, ct) => Call(VpcActions.DescribeRouteTableList, Paged(request, page, request.PageSize), Json.DescribeRouteTableListResponse, ct),
            r => r.RouterTableList, r => r.TotalCount, cancellationToken);

    public IAsyncEnumerable<RouteEntry> DescribeRouteEntryListAsync(DescribeRouteEntryListRequest request, CancellationToken cancellationToken) =>
        Paging.ByNextTokenAsync(
            (token, ct) => Call(VpcActions.DescribeRouteEntryList, request.ToParameters().Add("MaxResult", request.MaxResult).Add("NextToken", token),
                Json.DescribeRouteEntryListResponse, ct),
            r => r.RouteEntrys, r => r.NextToken, cancellationToken);

    public Task<CreateRouteEntryResponse> CreateRouteEntryAsync(CreateRouteEntryRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.CreateRouteEntry, request.ToParameters(), Json.CreateRouteEntryResponse, cancellationToken);

    public Task<RouteEntriesResponse> CreateRouteEntriesAsync(CreateRouteEntriesRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.CreateRouteEntries, request.ToParameters(), Json.RouteEntriesResponse, cancellationToken);

    public Task<OpenApiResponse> DeleteRouteEntryAsync(DeleteRouteEntryRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.DeleteRouteEntry, request.ToParameters(), Json.OpenApiResponse, cancellationToken);

    public Task<RouteEntriesResponse> DeleteRouteEntriesAsync(DeleteRouteEntriesRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.DeleteRouteEntries, request.ToParameters(), Json.RouteEntriesResponse, cancellationToken);

    public IAsyncEnumerable<Vpc> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken) =>
        Paging.ByPageNumberAsync(
            (page, ct) => Call(VpcActions.DescribeVpcs, Paged(request, page, request.PageSize), Json.DescribeVpcsResponse, ct),
            r => r.Vpcs, r => r.TotalCount, cancellationToken);

    public Task<DescribeVpcAttributeResponse> DescribeVpcAttributeAsync(string vpcId, CancellationToken cancellationToken) =>
        Call(VpcActions.DescribeVpcAttribute, new VpcIdRequest(vpcId).ToParameters(), Json.DescribeVpcAttributeResponse, cancellationToken);

    public IAsyncEnumerable<VSwitch> DescribeVSwitchesAsync(DescribeVSwitchesRequest request, CancellationToken cancellationToken) =>
        Paging.ByPageNumberAsync(
            (page, ct) => Call(VpcActions.DescribeVSwitches, Paged(request, page, request.PageSize), Json.DescribeVSwitchesResponse, ct),
            r => r.VSwitches, r => r.TotalCount, cancellationToken);

    public IAsyncEnumerable<EipAddress> DescribeEipAddressesAsync(DescribeEipAddressesRequest request, CancellationToken cancellationToken) =>
        Paging.ByPageNumberAsync(
            (page, ct) => Call(VpcActions.DescribeEipAddresses, Paged(request, page, request.PageSize), Json.DescribeEipAddressesResponse, ct),
            r => r.EipAddresses, r => r.TotalCount, cancellationToken);

    public Task<AllocateEipAddressResponse> AllocateEipAddressAsync(AllocateEipAddressRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.AllocateEipAddress, request.ToParameters(), Json.AllocateEipAddressResponse, cancellationToken);

    public Task<OpenApiResponse> AssociateEipAddressAsync(AssociateEipAddressRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.AssociateEipAddress, request.ToParameters(), Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> UnassociateEipAddressAsync(UnassociateEipAddressRequest request, CancellationToken cancellationToken) =>
        Call(VpcActions.UnassociateEipAddress, request.ToParameters(), Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> ReleaseEipAddressAsync(string allocationId, CancellationToken cancellationToken) =>
        Call(VpcActions.ReleaseEipAddress, new AllocationIdRequest(allocationId).ToParameters(), Json.OpenApiResponse, cancellationToken);

    private static RpcParameters Paged(IRpcRequest request, int pageNumber, int pageSize) =>
        request.ToParameters().Add("PageNumber", pageNumber).Add("PageSize", pageSize);

    private Task<T> Call<T>(CloudAction action, RpcParameters parameters, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class, IOpenApiResponse =>
        transport.CallAsync(action, parameters, type, cancellationToken);
}
