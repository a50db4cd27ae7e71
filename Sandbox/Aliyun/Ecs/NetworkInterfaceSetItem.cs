namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>One ENI in DescribeNetworkInterfaces.</summary>
internal sealed record NetworkInterfaceSetItem
{
    public required string NetworkInterfaceId { get; init; }

    public required string NetworkInterfaceName { get; init; }

    public required string Status { get; init; }

    public required string Type { get; init; }

    public required string VpcId { get; init; }

    public required string VSwitchId { get; init; }

    public required string ZoneId { get; init; }

    public required string PrivateIpAddress { get; init; }

    public required string MacAddress { get; init; }

    public required string InstanceId { get; init; }

    public required string CreationTime { get; init; }

    public required string Description { get; init; }

    public string ResourceGroupId { get; init; } = "rg-acfmsandbox0000001";

    public bool ServiceManaged { get; init; }

    public required bool SourceDestCheck { get; init; }

    public NetworkInterfaceAttachment? Attachment { get; init; }

    public required PrivateIpSetList PrivateIpSets { get; init; }

    public required Ipv6SetList Ipv6Sets { get; init; }

    public required SecurityGroupIdSet SecurityGroupIds { get; init; }

    public required EcsTagSet Tags { get; init; }
}
