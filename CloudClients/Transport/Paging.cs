using System.Runtime.CompilerServices;

namespace Ccm.CloudClients.Transport;

/// <summary>The API's two paging styles, hidden behind <see cref="IAsyncEnumerable{T}"/>.</summary>
internal static class Paging
{
    /// <summary>
    /// PageNumber/PageSize: stop at an empty page or once <c>TotalCount</c> items arrived. Not "a short page", because
    /// a service may cap the page size below what was asked and still have more.
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByPageNumberAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetch, Func<TPage, IReadOnlyList<TItem>> items, Func<TPage, int> totalCount,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = 0;
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await fetch(pageNumber, cancellationToken);
            var list = items(page);
            foreach (var item in list)
            {
                yield return item;
            }

            seen += list.Count;
            var total = totalCount(page);
            if (list.Count == 0 || (total > 0 && seen >= total))
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// NextToken (with MaxResults/MaxResult): stop when the token is empty. A token seen twice would loop forever,
    /// so it fails instead.
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByNextTokenAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetch, Func<TPage, IReadOnlyList<TItem>> items, Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        while (true)
        {
            var page = await fetch(token, cancellationToken);
            foreach (var item in items(page))
            {
                yield return item;
            }

            token = nextToken(page);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seenTokens.Add(token))
            {
                throw new InvalidOperationException("the service returned the same NextToken twice; stopping instead of looping");
            }
        }
    }
}
