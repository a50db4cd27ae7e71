using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>An ECS instance in a VPC, with its primary ENI. Status is one of the API's: Pending, Running, Starting, Stopping, Stopped.</summary>
public sealed record Instance
{
    public required string InstanceId { get; init; }

    public required string InstanceName { get; init; }

    public required string InstanceType { get; init; }

    public required string ZoneId { get; init; }

    public required string VpcId { get; init; }

    public required string VSwitchId { get; init; }

    public required string PrivateIpAddress { get; init; }

    public required string NetworkInterfaceId { get; init; }

    public required string MacAddress { get; init; }

    public required DateTimeOffset CreationTime { get; init; }

    public string Status { get; init; } = "Running";

    /// <summary><c>PostPaid</c> or <c>PrePaid</c> (<see cref="InstanceValues.ChargeTypes"/>).</summary>
    public string InstanceChargeType { get; init; } = "PostPaid";

    /// <summary><c>NoSpot</c> for an ordinary instance (<see cref="InstanceValues.SpotStrategies"/>).</summary>
    public string SpotStrategy { get; init; } = "NoSpot";

    public string HostName { get; init; } = "";

    public string SecurityGroupId { get; init; } = "sg-bp1sandbox0000000001";

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
