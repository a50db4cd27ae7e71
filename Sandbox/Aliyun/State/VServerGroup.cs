using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>A vServer group of one CLB; its backends count against the CLB's quota of 200.</summary>
public sealed record VServerGroup
{
    public required string VServerGroupId { get; init; }

    public required string VServerGroupName { get; init; }

    public required string LoadBalancerId { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public ImmutableArray<BackendServer> BackendServers { get; init; } = [];

    public ImmutableArray<ResourceTag> Tags { get; init; } = [];
}
