using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>
/// DescribeEipAddresses filters; paged by PageNumber/PageSize (max 100). Upstream's <c>external-ip-type: eip</c> lists the
/// EIPs bound to a CLB with <c>AssociatedInstanceType=SlbInstance</c> + <c>AssociatedInstanceId=lb-…</c>, 10 a page.
/// </summary>
public sealed record DescribeEipAddressesRequest : IRpcRequest
{
    /// <summary>One id, or a comma list of at most 50.</summary>
    public string? AllocationId { get; init; }

    public string? EipAddress { get; init; }

    public string? AssociatedInstanceId { get; init; }

    /// <summary><c>SlbInstance</c>, <c>EcsInstance</c>, <c>Nat</c>, <c>NetworkInterface</c>, ...</summary>
    public string? AssociatedInstanceType { get; init; }

    /// <summary><c>Associating</c> | <c>Unassociating</c> | <c>InUse</c> | <c>Available</c> | <c>Releasing</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>PostPaid</c> | <c>PrePaid</c>.</summary>
    public string? ChargeType { get; init; }

    /// <summary>Sent as <c>Tag.N.Key</c>/<c>Tag.N.Value</c>; every tag must match.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    public int PageSize { get; init; } = 50;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("AllocationId", AllocationId).Add("EipAddress", EipAddress)
        .Add("AssociatedInstanceId", AssociatedInstanceId).Add("AssociatedInstanceType", AssociatedInstanceType).Add("Status", Status)
        .Add("ChargeType", ChargeType).AddTags(Tags);
}

public sealed record EipAddress
{
    public string AllocationId { get; init; } = "";

    public string? IpAddress { get; init; }

    /// <summary>Association is asynchronous: <c>Associating</c> (already bound) then <c>InUse</c>; <c>Unassociating</c> then <c>Available</c>.</summary>
    public string? Status { get; init; }

    public string? InstanceId { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>A string in this v1-era model (reference §4.3).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Bandwidth { get; init; }

    public string? InternetChargeType { get; init; }

    /// <summary>The EIP's own billing: <c>PostPaid</c> | <c>PrePaid</c> (a prepaid EIP cannot be released).</summary>
    public string? ChargeType { get; init; }

    public string? RegionId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? AllocationTime { get; init; }

    public string? ResourceGroupId { get; init; }

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
