namespace Ccm.Sandbox.Aliyun.Vpc;

/// <summary>One VPC in DescribeVpcs.</summary>
internal sealed record VpcItem(
    string VpcId, string VpcName, string RegionId, string Status, string CidrBlock, string VRouterId, string CreationTime,
    string Description, bool IsDefault, string Ipv6CidrBlock, bool EnabledIpv6, string ResourceGroupId,
    VSwitchIdSet VSwitchIds, RouterTableIdSet RouterTableIds, SecondaryCidrBlockSet SecondaryCidrBlocks, UserCidrSet UserCidrs,
    NatGatewayIdSet NatGatewayIds, VpcTagSet Tags);

/// <summary>One vSwitch in DescribeVSwitches, with the route table it is bound to.</summary>
internal sealed record VSwitchItem(
    string VSwitchId, string VSwitchName, string VpcId, string ZoneId, string CidrBlock, string Status, string CreationTime,
    string Description, bool IsDefault, long AvailableIpAddressCount, string ResourceGroupId, VSwitchRouteTable RouteTable, VpcTagSet Tags);

/// <summary>One EIP in DescribeEipAddresses (appendix names and types); <c>Bandwidth</c> is a string in this v1-era API.</summary>
internal sealed record EipAddressItem(
    string AllocationId, string IpAddress, string Status, string InstanceId, string InstanceType, string InstanceRegionId,
    string RegionId, string Bandwidth, string EipBandwidth, string InternetChargeType, string ChargeType, string AllocationTime,
    string ExpiredTime, string Name, string Description, string ISP, string Mode, string Netmode, string ResourceGroupId,
    bool DeletionProtection, LockReasonSet OperationLocks, VpcTagSet Tags);
