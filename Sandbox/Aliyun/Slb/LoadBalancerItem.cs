namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>One CLB as DescribeLoadBalancers lists it (appendix field names and types); DescribeLoadBalancerAttribute extends it.</summary>
internal record LoadBalancerItem
{
    public string LoadBalancerId { get; init; } = "";

    public string LoadBalancerName { get; init; } = "";

    public string LoadBalancerStatus { get; init; } = "";

    public string Address { get; init; } = "";

    public string AddressType { get; init; } = "";

    public string AddressIPVersion { get; init; } = "";

    public string NetworkType { get; init; } = "";

    public string VpcId { get; init; } = "";

    public string VSwitchId { get; init; } = "";

    public string RegionId { get; init; } = "";

    public string RegionIdAlias { get; init; } = "";

    public string MasterZoneId { get; init; } = "";

    public string SlaveZoneId { get; init; } = "";

    public string? LoadBalancerSpec { get; init; }

    public string InternetChargeType { get; init; } = "";

    public string InternetChargeTypeAlias { get; init; } = "";

    public string InstanceChargeType { get; init; } = "";

    public int? Bandwidth { get; init; }

    public string PayType { get; init; } = "";

    public string CreateTime { get; init; } = "";

    public long CreateTimeStamp { get; init; }

    public string DeleteProtection { get; init; } = "";

    public string ModificationProtectionStatus { get; init; } = "";

    public string ModificationProtectionReason { get; init; } = "";

    public string ResourceGroupId { get; init; } = "";

    public SlbTagSet Tags { get; init; } = new([]);
}
