using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>
/// CreateRouteEntry. <see cref="ClientToken"/> is required here (optional in the API) so a retried create after a
/// lost response cannot add a second entry; derive it from route table + destination + next hop.
/// </summary>
public sealed record CreateRouteEntryRequest : IRpcRequest
{
    public required string ClientToken { get; init; }

    public required string RouteTableId { get; init; }

    public required string DestinationCidrBlock { get; init; }

    /// <summary><c>Instance</c> (default) for pod-CIDR routes; also <c>NetworkInterface</c>, <c>HaVip</c>, ...</summary>
    public string? NextHopType { get; init; } = "Instance";

    public required string NextHopId { get; init; }

    public string? RouteEntryName { get; init; }

    public string? Description { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ClientToken", ClientToken).Add("RouteTableId", RouteTableId)
        .Add("DestinationCidrBlock", DestinationCidrBlock).Add("NextHopType", NextHopType).Add("NextHopId", NextHopId)
        .Add("RouteEntryName", RouteEntryName).Add("Description", Description);
}

public sealed record CreateRouteEntryResponse : OpenApiResponse
{
    public string? RouteEntryId { get; init; }
}

/// <summary>
/// DeleteRouteEntry by <see cref="RouteEntryId"/>, or by route table + destination (+ next hop). Asynchronous on the
/// service side: the entry shows <c>Deleting</c> for a while.
/// </summary>
public sealed record DeleteRouteEntryRequest : IRpcRequest
{
    public string? RouteEntryId { get; init; }

    public string? RouteTableId { get; init; }

    public string? DestinationCidrBlock { get; init; }

    public string? NextHopId { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("RouteEntryId", RouteEntryId).Add("RouteTableId", RouteTableId)
        .Add("DestinationCidrBlock", DestinationCidrBlock).Add("NextHopId", NextHopId);
}

/// <summary>One entry of CreateRouteEntries (<c>RouteEntries.N.*</c>).</summary>
public sealed record RouteEntrySpec(string RouteTableId, string DstCidrBlock, string NextHop, string NextHopType = "Instance")
{
    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>CreateRouteEntries: at most 50 per call; per-entry failures come back in the response, not as an error.</summary>
public sealed record CreateRouteEntriesRequest(IReadOnlyList<RouteEntrySpec> RouteEntries) : IRpcRequest
{
    public const int MaxEntries = 50;

    void IRpcRequest.WriteTo(RpcParameters p)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RouteEntries.Count, MaxEntries, nameof(RouteEntries));
        p.AddRepeated("RouteEntries", RouteEntries, static (q, prefix, e) => q.Add(prefix + "RouteTableId", e.RouteTableId)
            .Add(prefix + "DstCidrBlock", e.DstCidrBlock).Add(prefix + "NextHop", e.NextHop).Add(prefix + "NextHopType", e.NextHopType)
            .Add(prefix + "Name", e.Name).Add(prefix + "Description", e.Description));
    }
}

/// <summary>One entry of DeleteRouteEntries: by id, or by table + destination (+ next hop).</summary>
public sealed record RouteEntryRef(string RouteTableId)
{
    public string? RouteEntryId { get; init; }

    public string? DstCidrBlock { get; init; }

    public string? NextHop { get; init; }
}

/// <summary>DeleteRouteEntries: at most 50 per call.</summary>
public sealed record DeleteRouteEntriesRequest(IReadOnlyList<RouteEntryRef> RouteEntries) : IRpcRequest
{
    public const int MaxEntries = 50;

    void IRpcRequest.WriteTo(RpcParameters p)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RouteEntries.Count, MaxEntries, nameof(RouteEntries));
        p.AddRepeated("RouteEntries", RouteEntries, static (q, prefix, e) => q.Add(prefix + "RouteTableId", e.RouteTableId)
            .Add(prefix + "RouteEntryId", e.RouteEntryId).Add(prefix + "DstCidrBlock", e.DstCidrBlock).Add(prefix + "NextHop", e.NextHop));
    }
}

/// <summary>CreateRouteEntries / DeleteRouteEntries: counts, new ids, and the entries that failed (flat arrays).</summary>
public sealed record RouteEntriesResponse : OpenApiResponse
{
    public int SuccessCount { get; init; }

    public int FailedCount { get; init; }

    // Flat arrays per the spec; the wrapped-list reader accepts a wrapped form too.
    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> RouteEntryIds { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<FailedRouteEntry>))]
    public IReadOnlyList<FailedRouteEntry> FailedRouteEntries { get; init; } = [];
}

public sealed record FailedRouteEntry
{
    public string? DstCidrBlock { get; init; }

    public string? NextHop { get; init; }

    public string? RouteEntryId { get; init; }

    public string? FailedCode { get; init; }

    public string? FailedMessage { get; init; }
}
