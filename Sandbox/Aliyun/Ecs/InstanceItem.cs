namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>One instance in DescribeInstances (appendix names and types; ECS times have minute precision).</summary>
internal sealed record InstanceItem
{
    public required string InstanceId { get; init; }

    public required string InstanceName { get; init; }

    public required string HostName { get; init; }

    public string Description { get; init; } = "";

    public required string InstanceType { get; init; }

    public required string InstanceTypeFamily { get; init; }

    public required int Cpu { get; init; }

    public required int Memory { get; init; }

    public required string RegionId { get; init; }

    public required string ZoneId { get; init; }

    public required string Status { get; init; }

    public string InstanceNetworkType { get; init; } = "vpc";

    public required string InstanceChargeType { get; init; }

    public string InternetChargeType { get; init; } = "PayByTraffic";

    public required string SpotStrategy { get; init; }

    public required string CreationTime { get; init; }

    public required string StartTime { get; init; }

    public string ExpiredTime { get; init; } = "2099-12-31T15:59Z";

    public string ImageId { get; init; } = "aliyun_3_x64_20G_alibase_20250101.vhd";

    public string OSName { get; init; } = "Alibaba Cloud Linux 3";

    public string OSType { get; init; } = "linux";

    public required string SerialNumber { get; init; }

    public bool IoOptimized { get; init; } = true;

    public bool DeletionProtection { get; init; }

    public bool DeviceAvailable { get; init; } = true;

    public int InternetMaxBandwidthIn { get; init; } = -1;

    public int InternetMaxBandwidthOut { get; init; }

    public string ResourceGroupId { get; init; } = "rg-acfmsandbox0000001";

    public string? StoppedMode { get; init; }

    public required VpcAttributes VpcAttributes { get; init; }

    public required IpAddressSet PublicIpAddress { get; init; }

    public required IpAddressSet InnerIpAddress { get; init; }

    public required EipAddressInfo EipAddress { get; init; }

    public required InstanceNetworkInterfaceList NetworkInterfaces { get; init; }

    public required SecurityGroupIdSet SecurityGroupIds { get; init; }

    public required EcsTagSet Tags { get; init; }

    public required OperationLockSet OperationLocks { get; init; }

    public required MetadataOptions MetadataOptions { get; init; }
}
