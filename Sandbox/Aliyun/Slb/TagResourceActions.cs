using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// The newer tag actions the current CCM uses: TagResources/UntagResources/ListTagResources over
/// <c>ResourceType</c> <c>instance</c> (a CLB), <c>listener</c> (id <c>lb-xxx_http_80</c>) and <c>vservergroup</c>.
/// </summary>
internal static class TagResourceActions
{
    private const int MaxResources = 20;
    private const int PageSize = 50;

    public static ApiResult Tag(ActionContext c)
    {
        var tags = c.Parameters.Tags();
        if (tags.Count == 0 || tags.Count > 20)
        {
            throw tags.Count == 0 ? CommonErrors.Missing("Tag") : CommonErrors.InvalidParameter("Tag", "At most 20 tags are accepted per call.");
        }

        return Change(c, current =>
            [.. current.Where(t => !tags.Any(n => n.Key == t.Key)), .. tags.Select(n => new ResourceTag(n.Key, n.Value ?? ""))]);
    }

    public static ApiResult Untag(ActionContext c)
    {
        var all = c.Parameters.Bool("All") == true;
        var keys = c.Parameters.List("TagKey");
        return Change(c, current => all ? [] : [.. current.Where(t => !keys.Contains(t.Key))]);
    }

    public static ApiResult List(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var type = ResourceType(p);
        var ids = p.List("ResourceId");
        var wanted = p.Tags();
        var rows = TaggedResources.All(c.Store.Current, type)
            .Where(r => ids.Count == 0 || ids.Contains(r.Id))
            .Where(r => r.Tags.HasAll(wanted))
            .SelectMany(r => r.Tags.Select(t => new TagResourceItem(r.Id, type, t.Key, t.Value)));
        var page = Paging.ByToken(rows, r => r.ResourceId + "\n" + r.TagKey, p.NonEmpty("NextToken"), PageSize);
        return ApiResult.Of(new ListTagResourcesResponse(c.RequestId, page.NextToken, new TagResourceList(page.Items)), SlbJson.Default.ListTagResourcesResponse);
    }

    private static ApiResult Change(ActionContext c, Func<ImmutableArray<ResourceTag>, ImmutableArray<ResourceTag>> change)
    {
        c.CheckRegion(required: true);
        var type = ResourceType(c.Parameters);
        var ids = c.Parameters.List("ResourceId");
        if (ids.Count == 0 || ids.Count > MaxResources)
        {
            throw ids.Count == 0 ? CommonErrors.Missing("ResourceId") : CommonErrors.InvalidParameter("ResourceId", "At most 20 resources are accepted per call.");
        }

        c.Store.Update(s => ids.Aggregate(s, (current, id) => TaggedResources.Retag(current, type, id, change)));
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }

    private static string ResourceType(ApiParameters p) =>
        SlbValues.OneOf(p, "ResourceType", "instance", "listener", "vservergroup", "certificate", "acl", "masterslaveservergroup")
        ?? throw CommonErrors.Missing("ResourceType");
}
