using System.Text;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>
/// The two pagination styles of the API. Page style: <c>PageNumber</c> (1-based) + <c>PageSize</c>. Token style:
/// <c>MaxResults</c> (<c>MaxResult</c> in VPC's DescribeRouteEntryList) + an opaque <c>NextToken</c>, empty on the last
/// page. Tokens name the last key returned, so pages stay stable while other resources are created or deleted.
/// </summary>
internal static class Paging
{
    public sealed record PageResult<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

    public sealed record TokenResult<T>(IReadOnlyList<T> Items, string NextToken, int TotalCount);

    public static PageResult<T> ByPage<T>(IReadOnlyList<T> items, ApiParameters parameters, int defaultSize, int maxSize)
    {
        var number = parameters.Int("PageNumber") ?? 1;
        var size = parameters.Int("PageSize") ?? defaultSize;
        if (number < 1)
        {
            throw CommonErrors.InvalidParameter("PageNumber");
        }

        if (size < 1 || size > maxSize)
        {
            throw CommonErrors.InvalidParameter("PageSize", $"The specified PageSize is not valid; it must be between 1 and {maxSize}.");
        }

        var page = items.Skip((int)Math.Min(int.MaxValue, (long)(number - 1) * size)).Take(size).ToList();
        return new PageResult<T>(page, number, size, items.Count);
    }

    /// <summary>Pages <paramref name="items"/> in ordinal order of <paramref name="key"/>.</summary>
    public static TokenResult<T> ByToken<T>(IEnumerable<T> items, Func<T, string> key, string? nextToken, int maxResults)
    {
        var ordered = items.OrderBy(key, StringComparer.Ordinal).ToList();
        var after = Decode(nextToken);
        var remaining = after is null ? ordered : ordered.Where(i => string.CompareOrdinal(key(i), after) > 0).ToList();
        var page = remaining.Take(maxResults).ToList();
        var token = remaining.Count > page.Count ? Encode(key(page[^1])) : "";
        return new TokenResult<T>(page, token, ordered.Count);
    }

    /// <summary>Reads a token-style page size: absent gives the default, outside <c>min..max</c> is InvalidParameter.</summary>
    public static int Limit(ApiParameters parameters, string name, int defaultValue, int min, int max)
    {
        var value = parameters.Int(name) ?? defaultValue;
        return value >= min && value <= max
            ? value
            : throw CommonErrors.InvalidParameter(name, $"The specified {name} is not valid; it must be between {min} and {max}.");
    }

    private static string Encode(string key) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(key));

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromHexString(token));
        }
        catch (FormatException)
        {
            throw CommonErrors.InvalidNextToken();
        }
    }
}
