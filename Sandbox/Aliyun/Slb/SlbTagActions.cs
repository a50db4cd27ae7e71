using System.Collections.Immutable;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.State;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>
/// The classic CLB tag actions: AddTags/RemoveTags (JSON <c>Tags</c>, at most 10 per call; adding an existing key
/// replaces its value) and DescribeTags (tag sets with the number of CLBs carrying each).
/// </summary>
internal static class SlbTagActions
{
    private const int MaxTagsPerCall = 10;

    public static ApiResult Add(ActionContext c) => Change(c, (tags, change) =>
        [.. tags.Where(t => !change.Any(n => n.Key == t.Key)), .. change.Select(n => new ResourceTag(n.Key, n.Value ?? ""))]);

    public static ApiResult Remove(ActionContext c) => Change(c, (tags, change) =>
        [.. tags.Where(t => !change.Any(r => r.Key == t.Key && (r.Value is null || r.Value == t.Value)))]);

    public static ApiResult Describe(ActionContext c)
    {
        c.CheckRegion(required: true);
        var p = c.Parameters;
        var s = c.Store.Current;
        var ids = p.NonEmpty("LoadBalancerId")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var wanted = p.NonEmpty("Tags") is { } text ? SlbTagsParameter.Parse("Tags", text) : [];
        var distinctKey = p.Bool("DistinctKey") == true;
        var sets = s.LoadBalancers.Values
            .Where(lb => ids is null || ids.Contains(lb.LoadBalancerId))
            .SelectMany(lb => lb.Tags.Select(t => (lb.LoadBalancerId, Tag: t)))
            .Where(x => wanted.Count == 0 || wanted.Any(w => w.Key == x.Tag.Key && (w.Value is null || w.Value == x.Tag.Value)))
            .GroupBy(x => distinctKey ? (x.Tag.Key, "") : (x.Tag.Key, x.Tag.Value))
            .Select(g => new TagSetItem(g.Key.Item1, g.Key.Item2, g.Select(x => x.LoadBalancerId).Distinct().Count()))
            .OrderBy(t => t.TagKey, StringComparer.Ordinal).ThenBy(t => t.TagValue, StringComparer.Ordinal)
            .ToList();
        var page = Paging.ByPage(sets, p, defaultSize: 50, maxSize: 100);
        return ApiResult.Of(
            new DescribeTagsResponse(c.RequestId, page.PageNumber, page.PageSize, page.TotalCount, new TagSetList(page.Items)),
            SlbJson.Default.DescribeTagsResponse);
    }

    private static ApiResult Change(ActionContext c, Func<ImmutableArray<ResourceTag>, IReadOnlyList<(string Key, string? Value)>, ImmutableArray<ResourceTag>> change)
    {
        c.CheckRegion(required: true);
        var id = c.Parameters.Required("LoadBalancerId");
        var tags = SlbTagsParameter.Parse("Tags", c.Parameters.Required("Tags"));
        if (tags.Count > MaxTagsPerCall)
        {
            throw CommonErrors.InvalidParameter("Tags", "At most 10 tags are accepted per call.");
        }

        c.Store.Update(s =>
        {
            var lb = SlbLookup.LoadBalancer(s, id);
            return s.With(lb with { Tags = change(lb.Tags, tags) });
        });
        return ApiResult.Of(new RequestIdResponse(c.RequestId), WireJson.Default.RequestIdResponse);
    }
}
