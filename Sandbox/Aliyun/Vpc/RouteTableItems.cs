namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>One table in DescribeRouteTableList (the element type really is called <c>RouterTableListType</c>).</summary>
internal sealed record RouterTableListType(
    string RouteTableId, string RouteTableName, string RouteTableType, string RouterId, string RouterType, string VpcId,
    string Status, string CreationTime, string Description, string ResourceGroupId, bool RoutePropagationEnable,
    VSwitchIdSet VSwitchIds, VpcTagSet Tags);

/// <summary>One table in the legacy DescribeRouteTables, with its entries under <c>RouteEntrys</c> (sic).</summary>
internal sealed record LegacyRouteTable(
    string RouteTableId, string RouteTableType, string VRouterId, string Status, string CreationTime, string ResourceGroupId,
    VSwitchIdSet VSwitchIds, RouteEntrySet RouteEntrys);

/// <summary>
/// A route entry. DescribeRouteEntryList and DescribeRouteTables share it: the list adds <c>GmtModified</c>,
/// <c>IpVersion</c> and per-hop details; the legacy action adds <c>InstanceId</c>/<c>NextHopType</c> at entry level.
/// </summary>
internal sealed record RouteEntryItem(
    string RouteEntryId, string RouteEntryName, string RouteTableId, string DestinationCidrBlock, string Type, string Status,
    string Description, NextHopSet NextHops, string? IpVersion, string? GmtModified, string? InstanceId, string? NextHopType);
