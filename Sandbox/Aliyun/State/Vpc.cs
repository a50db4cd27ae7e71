using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>A VPC with its vRouter; vSwitches and route tables refer to it by id.</summary>
public sealed record Vpc
{
    public required string VpcId { get; init; }

    public required string VpcName { get; init; }

    public required string CidrBlock { get; init; }

    public required string VRouterId { get; init; }

    public required DateTimeOffset CreationTime { get; init; }

    public string Status { get; init; } = "Available";

    public bool IsDefault { get; init; }

    public string Description { get; init; } = "";

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
