using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Vpc;

/// <summary>DescribeVpcs filters; paged by PageNumber/PageSize (max 50).</summary>
public sealed record DescribeVpcsRequest : IRpcRequest
{
    /// <summary>At most 20 ids, sent as a comma list.</summary>
    public IReadOnlyList<string>? VpcIds { get; init; }

    public string? VpcName { get; init; }

    public bool? IsDefault { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    public int PageSize { get; init; } = 50;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VpcId", VpcIds is null ? null : string.Join(',', VpcIds))
        .Add("VpcName", VpcName).Add("IsDefault", IsDefault).AddTags(Tags);
}

/// <summary>A VPC as DescribeVpcs lists it; DescribeVpcAttribute returns the same fields flat.</summary>
public record Vpc
{
    public string VpcId { get; init; } = "";

    public string? VpcName { get; init; }

    public string? RegionId { get; init; }

    public string? Status { get; init; }

    public string? CidrBlock { get; init; }

    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> SecondaryCidrBlocks { get; init; } = [];

    public string? Ipv6CidrBlock { get; init; }

    public string? VRouterId { get; init; }

    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> VSwitchIds { get; init; } = [];

    /// <summary>Spelled <c>RouterTableIds{RouterTableIds[]}</c> by the API.</summary>
    [JsonConverter(typeof(WrappedListConverter<string>))]
    public IReadOnlyList<string> RouterTableIds { get; init; } = [];

    public bool? IsDefault { get; init; }

    public string? CreationTime { get; init; }

    public string? Description { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Tag>))]
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record DescribeVpcsResponse : OpenApiResponse
{
    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<Vpc>))]
    public IReadOnlyList<Vpc> Vpcs { get; init; } = [];
}

/// <summary>DescribeVpcAttribute: the VPC's fields, flat, plus the request id. The CCM reads the CIDRs from it.</summary>
public sealed record DescribeVpcAttributeResponse : Vpc, IOpenApiResponse
{
    public string RequestId { get; init; } = "";
}

internal sealed record VpcIdRequest(string VpcId) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("VpcId", VpcId);
}
