using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>DescribeRouteTableList filters; paged by PageNumber/PageSize (max 50).</summary>
public sealed record DescribeRouteTableListRequest : IRpcRequest
{
    public string? VpcId { get; init; }

    public string? RouterId { get; init; }

    /// <summary><c>VRouter</c> | <c>VBR</c>.</summary>
    public string? RouterType { get; init; }

    public string? RouteTableId { get; init; }

    public string? RouteTableName { get; init; }

    public string? RouteTableType { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>1-50: the API's maximum for this action.</summary>
    public int PageSize { get; init; } = 50;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VpcId", VpcId).Add("RouterId", RouterId).Add("RouterType", RouterType)
        .Add("RouteTableId", RouteTableId).Add("RouteTableName", RouteTableName).Add("RouteTableType", RouteTableType).AddTags(Tags);
}

/// <summary>A route table. The API's list wrapper really is <c>RouterTableList{RouterTableListType[]}</c>.</summary>
public sealed record RouteTable
{
    public string RouteTableId { get; init; } = "";

    public string? RouteTableName { get; init; }

    /// <summary><c>System</c> | <c>Custom</c>.</summary>
    public string? RouteTableType { get; init; }

    public string? RouterId { get; init; }

    public string? RouterType { get; init; }

    /// <summary><c>VSwitch</c> for a table that routes vSwitch traffic, <c>Gateway</c> for an IPv4 gateway's table.</summary>
    public string? AssociateType { get; init; }

    public string? VpcId { get; init; }

    public string? Status { get; init; }

    public string? CreationTime { get; init; }

    public string? Description { get; init; }

    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> VSwitchIds { get; init; } = [];

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record DescribeRouteTableListResponse : OpenApiResponse
{
    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<RouteTable>))]
    public IReadOnlyList<RouteTable> RouterTableList { get; init; } = [];
}
