using Ccm.CloudClients.Transport;

namespace Ccm.CloudClients.Slb;

public sealed partial class SlbClient
{
    public Task<OpenApiResponse> AddTagsAsync(LoadBalancerTagsRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.AddTags, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> RemoveTagsAsync(LoadBalancerTagsRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.RemoveTags, request, Json.OpenApiResponse, cancellationToken);

    public IAsyncEnumerable<TagSet> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken) =>
        Paging.ByPageNumberAsync(
            (page, ct) => Call(SlbActions.DescribeTags, request.ToParameters().Add("PageNumber", page).Add("PageSize", request.PageSize), Json.DescribeTagsResponse, ct),
            r => r.TagSets, r => r.TotalCount, cancellationToken);

    public Task<OpenApiResponse> TagResourcesAsync(TagResourcesRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.TagResources, request, Json.OpenApiResponse, cancellationToken);

    public Task<OpenApiResponse> UntagResourcesAsync(UntagResourcesRequest request, CancellationToken cancellationToken) =>
        Call(SlbActions.UntagResources, request, Json.OpenApiResponse, cancellationToken);

    public IAsyncEnumerable<TagResource> ListTagResourcesAsync(ListTagResourcesRequest request, CancellationToken cancellationToken) =>
        Paging.ByNextTokenAsync(
            (token, ct) => Call(SlbActions.ListTagResources, request.ToParameters().Add("NextToken", token), Json.ListTagResourcesResponse, ct),
            r => r.TagResources, r => r.NextToken, cancellationToken);
}
