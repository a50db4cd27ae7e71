namespace Ccm.Sandbox.Aliyun.Vpc;

// Response bodies of the VPC actions. CreateRouteEntries/DeleteRouteEntries return flat arrays (RouteEntryIds[],
// FailedRouteEntries[]), unlike the wrapped lists elsewhere.

internal sealed record DescribeRouteTableListResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, RouterTableList RouterTableList);

internal sealed record DescribeRouteTablesResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, RouteTableSet RouteTables);

internal sealed record DescribeRouteEntryListResponse(string RequestId, string NextToken, RouteEntrySet RouteEntrys);

internal sealed record CreateRouteEntryResponse(string RequestId, string RouteEntryId);

internal sealed record CreateRouteEntriesResponse(
    string RequestId, int SuccessCount, int FailedCount, IReadOnlyList<string> RouteEntryIds, IReadOnlyList<FailedRouteEntry> FailedRouteEntries);

internal sealed record DeleteRouteEntriesResponse(string RequestId, int SuccessCount, int FailedCount, IReadOnlyList<FailedRouteEntry> FailedRouteEntries);

internal sealed record DescribeVpcsResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, VpcSet Vpcs);

internal sealed record DescribeVSwitchesResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, VSwitchSet VSwitches);

/// <summary><c>OrderId</c> only for a subscription (<c>PrePaid</c>) EIP.</summary>
internal sealed record AllocateEipAddressResponse(string RequestId, string AllocationId, string EipAddress, string ResourceGroupId, long? OrderId);

internal sealed record DescribeEipAddressesResponse(string RequestId, int PageNumber, int PageSize, int TotalCount, EipAddressSet EipAddresses);

/// <summary>DescribeVpcAttribute answers flat, not wrapped in a list.</summary>
internal sealed record DescribeVpcAttributeResponse(
    string RequestId, string VpcId, string VpcName, string RegionId, string Status, string CidrBlock, string VRouterId,
    string CreationTime, string Description, bool IsDefault, bool ClassicLinkEnabled, bool EnabledIpv6, string Ipv6CidrBlock,
    string ResourceGroupId, VSwitchIdSet VSwitchIds, SecondaryCidrBlockSet SecondaryCidrBlocks, Ipv6CidrBlockSet Ipv6CidrBlocks,
    UserCidrSet UserCidrs, VpcTagSet Tags);
