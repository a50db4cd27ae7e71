namespace Ccm.Sandbox.Aliyun.Vpc;

// VPC list wrappers, spelt as the API spells them: {"RouterTableList":{"RouterTableListType":[…]}},
// {"RouteEntrys":{"RouteEntry":[…]}}, {"RouterTableIds":{"RouterTableIds":[…]}}. VPC tags are Key/Value.

internal sealed record VpcTag(string Key, string Value);

internal sealed record VpcTagSet(IReadOnlyList<VpcTag> Tag);

internal sealed record VSwitchIdSet(IReadOnlyList<string> VSwitchId);

internal sealed record RouterTableIdSet(IReadOnlyList<string> RouterTableIds);

internal sealed record NatGatewayIdSet(IReadOnlyList<string> NatGatewayIds);

internal sealed record SecondaryCidrBlockSet(IReadOnlyList<string> SecondaryCidrBlock);

internal sealed record UserCidrSet(IReadOnlyList<string> UserCidr);

internal sealed record Ipv6CidrBlockSet(IReadOnlyList<string> Ipv6CidrBlock);

internal sealed record RouterTableList(IReadOnlyList<RouterTableListType> RouterTableListType);

internal sealed record RouteTableSet(IReadOnlyList<LegacyRouteTable> RouteTable);

internal sealed record RouteEntrySet(IReadOnlyList<RouteEntryItem> RouteEntry);

internal sealed record NextHopRelatedInfo(string InstanceId, string InstanceType, string RegionId);

internal sealed record NextHopItem(string NextHopType, string NextHopId, int Enabled, int? Weight, string? NextHopRegionId, NextHopRelatedInfo? NextHopRelatedInfo);

internal sealed record NextHopSet(IReadOnlyList<NextHopItem> NextHop);

internal sealed record VpcSet(IReadOnlyList<VpcItem> Vpc);

internal sealed record VSwitchRouteTable(string RouteTableId, string RouteTableType);

internal sealed record VSwitchSet(IReadOnlyList<VSwitchItem> VSwitch);

internal sealed record LockReasonItem(string LockReason);

internal sealed record LockReasonSet(IReadOnlyList<LockReasonItem> LockReason);

internal sealed record EipAddressSet(IReadOnlyList<EipAddressItem> EipAddress);

internal sealed record FailedRouteEntry(string DstCidrBlock, string NextHop, string FailedCode, string FailedMessage, string? RouteEntryId);
