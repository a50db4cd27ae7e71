using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>DescribeEipAddresses filters (the CCM looks up EIPs bound to a load balancer); paged by PageNumber/PageSize.</summary>
public sealed record DescribeEipAddressesRequest : IRpcRequest
{
    public string? AllocationId { get; init; }

    public string? EipAddress { get; init; }

    public string? AssociatedInstanceId { get; init; }

    /// <summary><c>SlbInstance</c>, <c>EcsInstance</c>, <c>Nat</c>, <c>NetworkInterface</c>, ...</summary>
    public string? AssociatedInstanceType { get; init; }

    public string? Status { get; init; }

    public int PageSize { get; init; } = 50;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("AllocationId", AllocationId).Add("EipAddress", EipAddress)
        .Add("AssociatedInstanceId", AssociatedInstanceId).Add("AssociatedInstanceType", AssociatedInstanceType).Add("Status", Status);
}

public sealed record EipAddress
{
    public string AllocationId { get; init; } = "";

    public string? IpAddress { get; init; }

    public string? Status { get; init; }

    public string? InstanceId { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>A string in this v1-era model (reference §4.3).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Bandwidth { get; init; }

    public string? InternetChargeType { get; init; }

    public string? RegionId { get; init; }

    public string? Name { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record DescribeEipAddressesResponse : OpenApiResponse
{
    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<EipAddress>))]
    public IReadOnlyList<EipAddress> EipAddresses { get; init; } = [];
}
