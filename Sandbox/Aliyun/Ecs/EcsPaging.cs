using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Ecs;

/// <summary>
/// ECS list actions page by <c>MaxResults</c> + <c>NextToken</c>, or by the deprecated <c>PageNumber</c> + <c>PageSize</c>
/// when neither token parameter is sent.
/// </summary>
internal static class EcsPaging
{
    public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken, int? PageNumber, int PageSize, int TotalCount);

    public static Page<T> Apply<T>(IReadOnlyList<T> items, Func<T, string> key, ApiParameters p, int minResults, int maxResults)
    {
        if (p.NonEmpty("MaxResults") is null && p.NonEmpty("NextToken") is null)
        {
            var page = Paging.ByPage(items, p, defaultSize: 10, maxSize: 100);
            return new Page<T>(page.Items, null, page.PageNumber, page.PageSize, page.TotalCount);
        }

        var limit = Paging.Limit(p, "MaxResults", defaultValue: Math.Max(10, minResults), min: minResults, max: maxResults);
        var result = Paging.ByToken(items, key, p.NonEmpty("NextToken"), limit);
        return new Page<T>(result.Items, result.NextToken, null, result.Items.Count, result.TotalCount);
    }
}
