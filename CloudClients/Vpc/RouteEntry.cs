using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>
/// A route entry as DescribeRouteEntryList returns it (wrapper spelled <c>RouteEntrys</c> by the API). The CCM
/// considers only <c>Type == "Custom"</c> entries with exactly one <c>Instance</c> next hop, and never 0.0.0.0/0.
/// </summary>
public sealed record RouteEntry
{
    public string RouteEntryId { get; init; } = "";

    public string? RouteEntryName { get; init; }

    public string? RouteTableId { get; init; }

    public string DestinationCidrBlock { get; init; } = "";

    /// <summary><c>Custom</c> | <c>System</c> | <c>BGP</c> | <c>CEN</c> | <c>ECR</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>Pending</c> | <c>Available</c> | <c>Modifying</c> | <c>Deleting</c>: creates are asynchronous.</summary>
    public string? Status { get; init; }

    public string? IpVersion { get; init; }

    public string? Origin { get; init; }

    public string? Description { get; init; }

    public string? GmtModified { get; init; }

    [JsonConverter(typeof(WrappedListConverter<NextHop>))]
    public IReadOnlyList<NextHop> NextHops { get; init; } = [];
}

public sealed record NextHop
{
    public string? NextHopType { get; init; }

    public string? NextHopId { get; init; }

    public int? Enabled { get; init; }

    public int? Weight { get; init; }

    public string? NextHopRegionId { get; init; }
}

/// <summary>DescribeRouteEntryList filters; paged by <c>MaxResult</c> (singular, 1-100) + NextToken.</summary>
public sealed record DescribeRouteEntryListRequest : IRpcRequest
{
    public required string RouteTableId { get; init; }

    public string? RouteEntryId { get; init; }

    public string? RouteEntryName { get; init; }

    public string? RouteEntryType { get; init; }

    public string? DestinationCidrBlock { get; init; }

    public IReadOnlyList<string>? DestCidrBlockList { get; init; }

    public string? NextHopId { get; init; }

    public string? NextHopType { get; init; }

    public string? IpVersion { get; init; }

    /// <summary>Page size; the API documents 1-100 (the Go CCM asks for 500 and the service caps it).</summary>
    public int MaxResult { get; init; } = 100;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("RouteTableId", RouteTableId).Add("RouteEntryId", RouteEntryId)
        .Add("RouteEntryName", RouteEntryName).Add("RouteEntryType", RouteEntryType).Add("DestinationCidrBlock", DestinationCidrBlock)
        .AddRepeated("DestCidrBlockList", DestCidrBlockList).Add("NextHopId", NextHopId).Add("NextHopType", NextHopType)
        .Add("IpVersion", IpVersion);
}

public sealed record DescribeRouteEntryListResponse : OpenApiResponse
{
    public string? NextToken { get; init; }

    [JsonConverter(typeof(WrappedListConverter<RouteEntry>))]
    public IReadOnlyList<RouteEntry> RouteEntrys { get; init; } = [];
}
