using System.Text.Json.Serialization;
using Ccm.CloudClients.Json;
using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

/// <summary>AddTags / RemoveTags on one load balancer: at most 10 tags, sent as the <c>Tags</c> JSON string.</summary>
public sealed record LoadBalancerTagsRequest(string LoadBalancerId, IReadOnlyList<Tag> Tags) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId).Add("Tags", JsonParameters.Tags(Tags));
}

/// <summary>DescribeTags: tag sets with instance counts; paged by PageNumber/PageSize (max 100).</summary>
public sealed record DescribeTagsRequest : IRpcRequest
{
    public string? LoadBalancerId { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    public bool? DistinctKey { get; init; }

    public int PageSize { get; init; } = 100;

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("LoadBalancerId", LoadBalancerId)
        .Add("Tags", JsonParameters.Tags(Tags)).Add("DistinctKey", DistinctKey);
}

public sealed record TagSet
{
    public string TagKey { get; init; } = "";

    public string? TagValue { get; init; }

    public int? InstanceCount { get; init; }
}

public sealed record DescribeTagsResponse : OpenApiResponse
{
    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public int TotalCount { get; init; }

    [JsonConverter(typeof(WrappedListConverter<TagSet>))]
    public IReadOnlyList<TagSet> TagSets { get; init; } = [];
}

/// <summary>
/// TagResources: tags on <c>instance</c> | <c>listener</c> (id <c>lb-x_http_80</c>) | <c>vservergroup</c> | ...
/// At most 20 ids and 20 tags, sent as <c>ResourceId.N</c> and <c>Tag.N.Key/Value</c>.
/// </summary>
public sealed record TagResourcesRequest(string ResourceType, IReadOnlyList<string> ResourceIds, IReadOnlyList<Tag> Tags) : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ResourceType", ResourceType).AddRepeated("ResourceId", ResourceIds).AddTags(Tags);
}

/// <summary>UntagResources: removes <c>TagKey.N</c>, or every tag with <c>All=true</c>.</summary>
public sealed record UntagResourcesRequest(string ResourceType, IReadOnlyList<string> ResourceIds, IReadOnlyList<string>? TagKeys, bool? All = null)
    : IRpcRequest
{
    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ResourceType", ResourceType).AddRepeated("ResourceId", ResourceIds)
        .AddRepeated("TagKey", TagKeys).Add("All", All);
}

/// <summary>ListTagResources: by ids (at most 20) and/or tags; paged by NextToken.</summary>
public sealed record ListTagResourcesRequest : IRpcRequest
{
    public required string ResourceType { get; init; }

    public IReadOnlyList<string>? ResourceIds { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    void IRpcRequest.WriteTo(RpcParameters p) => p.Add("ResourceType", ResourceType).AddRepeated("ResourceId", ResourceIds).AddTags(Tags);
}

public sealed record TagResource
{
    public string ResourceId { get; init; } = "";

    public string? ResourceType { get; init; }

    public string TagKey { get; init; } = "";

    public string? TagValue { get; init; }
}

public sealed record ListTagResourcesResponse : OpenApiResponse
{
    public string? NextToken { get; init; }

    [JsonConverter(typeof(WrappedListConverter<TagResource>))]
    public IReadOnlyList<TagResource> TagResources { get; init; } = [];
}
