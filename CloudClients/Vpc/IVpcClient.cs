using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>
/// VPC (2016-04-28): route tables and entries, VPCs, vSwitches and EIPs, names as the API spells them. Route entry
/// changes are asynchronous on the service side (Pending, then Available) and concurrent writes in one VPC answer
/// <c>TaskConflict</c>, which the transport retries.
/// </summary>
public interface IVpcClient
{
    IAsyncEnumerable<RouteTable> DescribeRouteTableListAsync(DescribeRouteTableListRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<RouteEntry> DescribeRouteEntryListAsync(DescribeRouteEntryListRequest request, CancellationToken cancellationToken);

    /// <summary>Idempotent by <c>ClientToken</c>. <c>InvalidCIDRBlock.Duplicate</c> means the destination is taken: look it up.</summary>
    Task<CreateRouteEntryResponse> CreateRouteEntryAsync(CreateRouteEntryRequest request, CancellationToken cancellationToken);

    /// <summary>At most 50 entries; per-entry failures are in the response.</summary>
    Task<RouteEntriesResponse> CreateRouteEntriesAsync(CreateRouteEntriesRequest request, CancellationToken cancellationToken);

    Task<OpenApiResponse> DeleteRouteEntryAsync(DeleteRouteEntryRequest request, CancellationToken cancellationToken);

    Task<RouteEntriesResponse> DeleteRouteEntriesAsync(DeleteRouteEntriesRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<Vpc> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken);

    Task<DescribeVpcAttributeResponse> DescribeVpcAttributeAsync(string vpcId, CancellationToken cancellationToken);

    IAsyncEnumerable<VSwitch> DescribeVSwitchesAsync(DescribeVSwitchesRequest request, CancellationToken cancellationToken);

    IAsyncEnumerable<EipAddress> DescribeEipAddressesAsync(DescribeEipAddressesRequest request, CancellationToken cancellationToken);

    /// <summary>Idempotent by <c>ClientToken</c>. <c>QuotaExceeded.Eip</c> when the account has no EIP left.</summary>
    Task<AllocateEipAddressResponse> AllocateEipAddressAsync(AllocateEipAddressRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Asynchronous: poll DescribeEipAddresses until <c>InUse</c>. <c>IncorrectEipStatus</c> (EIP not Available, or still
    /// changing), <c>InvalidAssociation.Duplicated</c> (the target has an EIP), <c>OperationDenied</c> (a CLB outside a VPC),
    /// <c>InvalidAllocationId.NotFound</c> (404).
    /// </summary>
    Task<OpenApiResponse> AssociateEipAddressAsync(AssociateEipAddressRequest request, CancellationToken cancellationToken);

    /// <summary>Asynchronous; <c>IncorrectEipStatus</c> unless InUse, <c>InvalidBindingStatus</c> when bound elsewhere.</summary>
    Task<OpenApiResponse> UnassociateEipAddressAsync(UnassociateEipAddressRequest request, CancellationToken cancellationToken);

    /// <summary>Available pay-as-you-go EIPs only (<c>IncorrectEipStatus</c>, <c>Forbidden.ChargeTypeIsPrepaid</c>); asynchronous.</summary>
    Task<OpenApiResponse> ReleaseEipAddressAsync(string allocationId, CancellationToken cancellationToken);
}
