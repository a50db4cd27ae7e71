using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Ecs;

/// <summary>
/// DescribeNetworkInterfaces filters (ENI backends: pod IP -> ENI id); paged by MaxResults (10-500) + NextToken.
/// <c>PrivateIpAddress.N</c> is a repeated list; the CCM sends at most 100 per call.
/// </summary>
public sealed record DescribeNetworkInterfacesRequest : IRpcRequest
{
    public const int MaxIpsPerCall = 100;

    /// <summary><c>NetworkInterfaceId.N</c>: at most 100.</summary>
    public const int MaxIdsPerCall = 100;

    public IReadOnlyList<string>? PrivateIpAddresses { get; init; }

    /// <summary><c>Ipv6Address.N</c>: how upstream finds ENI backends when <c>backend-ip-version</c> is <c>ipv6</c>; at most 100.</summary>
    public IReadOnlyList<string>? Ipv6Addresses { get; init; }

    public IReadOnlyList<string>? NetworkInterfaceIds { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? InstanceId { get; init; }

    /// <summary><c>Primary</c> | <c>Secondary</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The CCM sends <c>InUse</c>.</summary>
    public string? Status { get; init; }

    public int MaxResults { get; init; } = 100;

    void IRpcRequest.WriteTo(RpcParameters p)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PrivateIpAddresses?.Count ?? 0, MaxIpsPerCall, nameof(PrivateIpAddresses));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Ipv6Addresses?.Count ?? 0, MaxIpsPerCall, nameof(Ipv6Addresses));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NetworkInterfaceIds?.Count ?? 0, MaxIdsPerCall, nameof(NetworkInterfaceIds));
        p.AddRepeated("PrivateIpAddress", PrivateIpAddresses).AddRepeated("Ipv6Address", Ipv6Addresses).AddRepeated("NetworkInterfaceId", NetworkInterfaceIds)
            .Add("VpcId", VpcId).Add("VSwitchId", VSwitchId).Add("InstanceId", InstanceId).Add("Type", Type).Add("Status", Status);
    }
}

public sealed record NetworkInterfaceSet
{
    public string NetworkInterfaceId { get; init; } = "";

    public string? NetworkInterfaceName { get; init; }

    public string? Status { get; init; }

    public string? Type { get; init; }

    public string? VpcId { get; init; }

    public string? VSwitchId { get; init; }

    public string? ZoneId { get; init; }

    public string? PrivateIpAddress { get; init; }

    public string? MacAddress { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>True (the default for an ENI) means the VPC drops traffic not addressed from or to the ENI itself.</summary>
    public bool? SourceDestCheck { get; init; }

    [JsonConverter(typeof(WrappedListConverter<PrivateIpSet>))]
    public IReadOnlyList<PrivateIpSet> PrivateIpSets { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<Ipv6Set>))]
    public IReadOnlyList<Ipv6Set> Ipv6Sets { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

/// <summary>One IPv6 address of an ENI (<c>Ipv6Sets{Ipv6Set[]{Ipv6Address}}</c>).</summary>
public sealed record Ipv6Set
{
    public string? Ipv6Address { get; init; }
}

public sealed record DescribeNetworkInterfacesResponse : OpenApiResponse
{
    public string? NextToken { get; init; }

    public int? TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<NetworkInterfaceSet>))]
    public IReadOnlyList<NetworkInterfaceSet> NetworkInterfaceSets { get; init; } = [];
}
