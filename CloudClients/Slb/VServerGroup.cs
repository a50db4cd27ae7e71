using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>A vServer group as DescribeVServerGroups lists it.</summary>
public sealed record VServerGroup
{
    public string VServerGroupId { get; init; } = "";

    public string? VServerGroupName { get; init; }

    public string? CreateTime { get; init; }

    public long? ServerCount { get; init; }

    public VServerGroupAssociatedObjects? AssociatedObjects { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record VServerGroupAssociatedObjects
{
    [JsonConverter(typeof(WrappedListConverter<AssociatedListener>))]
    public IReadOnlyList<AssociatedListener> Listeners { get; init; } = [];
}

/// <summary>A listener that uses the group: <c>{Port, Protocol}</c>.</summary>
public sealed record AssociatedListener
{
    public int Port { get; init; }

    public string? Protocol { get; init; }
}

public sealed record DescribeVServerGroupsResponse : OpenApiResponse
{
    [JsonConverter(typeof(WrappedListConverter<VServerGroup>))]
    public IReadOnlyList<VServerGroup> VServerGroups { get; init; } = [];
}

/// <summary>
/// The answer of CreateVServerGroup, DescribeVServerGroupAttribute, Add/Remove/Modify backends and
/// SetVServerGroupAttribute: the group and its members after the call.
/// </summary>
public sealed record VServerGroupAttributeResponse : OpenApiResponse
{
    public string VServerGroupId { get; init; } = "";

    public string? VServerGroupName { get; init; }

    public string? LoadBalancerId { get; init; }

    public string? CreateTime { get; init; }

    [JsonConverter(typeof(WrappedListConverter<BackendServer>))]
    public IReadOnlyList<BackendServer> BackendServers { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
