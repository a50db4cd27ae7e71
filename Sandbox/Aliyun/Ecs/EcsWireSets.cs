namespace Ccm.Sandbox.Aliyun.Ecs;

// ECS list wrappers and nested objects, spelt as the API spells them: {"Instances":{"Instance":[…]}},
// {"VpcAttributes":{"PrivateIpAddress":{"IpAddress":[…]}}}. ECS tags are TagKey/TagValue.

internal sealed record EcsTag(string TagKey, string TagValue);

internal sealed record EcsTagSet(IReadOnlyList<EcsTag> Tag);

internal sealed record IpAddressSet(IReadOnlyList<string> IpAddress);

internal sealed record VpcAttributes(string VpcId, string VSwitchId, string NatIpAddress, IpAddressSet PrivateIpAddress);

internal sealed record EipAddressInfo(string IpAddress, string AllocationId, int Bandwidth, string InternetChargeType, bool IsSupportUnassociate);

internal sealed record AssociatedPublicIp(string PublicIpAddress, string AllocationId);

internal sealed record PrivateIpSetItem(string PrivateIpAddress, bool Primary, AssociatedPublicIp? AssociatedPublicIp = null);

internal sealed record PrivateIpSetList(IReadOnlyList<PrivateIpSetItem> PrivateIpSet);

internal sealed record Ipv6SetItem(string Ipv6Address);

internal sealed record Ipv6SetList(IReadOnlyList<Ipv6SetItem> Ipv6Set);

internal sealed record InstanceNetworkInterface(
    string NetworkInterfaceId, string Type, string MacAddress, string PrimaryIpAddress, PrivateIpSetList PrivateIpSets, Ipv6SetList Ipv6Sets);

internal sealed record InstanceNetworkInterfaceList(IReadOnlyList<InstanceNetworkInterface> NetworkInterface);

internal sealed record SecurityGroupIdSet(IReadOnlyList<string> SecurityGroupId);

internal sealed record LockReasonItem(string LockReason, string LockMsg);

internal sealed record OperationLockSet(IReadOnlyList<LockReasonItem> LockReason);

internal sealed record MetadataOptions(string HttpEndpoint, string HttpTokens, int HttpPutResponseHopLimit);

internal sealed record InstanceSet(IReadOnlyList<InstanceItem> Instance);

internal sealed record NetworkInterfaceAttachment(string InstanceId, int DeviceIndex);

internal sealed record NetworkInterfaceSetList(IReadOnlyList<NetworkInterfaceSetItem> NetworkInterfaceSet);
