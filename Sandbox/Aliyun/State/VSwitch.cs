using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>A vSwitch: one zone, one CIDR, associated with one route table (the system table unless a custom one is bound).</summary>
public sealed record VSwitch
{
    public required string VSwitchId { get; init; }

    public required string VpcId { get; init; }

    public required string ZoneId { get; init; }

    public required string CidrBlock { get; init; }

    public required string VSwitchName { get; init; }

    public required string RouteTableId { get; init; }

    public required DateTimeOffset CreationTime { get; init; }

    public string Status { get; init; } = "Available";

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
