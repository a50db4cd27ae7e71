using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>Conveniences over <see cref="IKubeApi"/> that need nothing but the interface.</summary>
public static class KubeApiExtensions
{
    /// <summary>The default page size of informers and <see cref="ListAllAsync{T}"/> (kubectl uses 500 too).</summary>
    public const int DefaultPageSize = 500;

    /// <summary>
    /// Lists every page (<c>limit</c> + <c>continue</c>) into one list whose version is that of the first page (the
    /// server keeps it constant across pages). If a continue token expires (410), the whole list starts again.
    /// </summary>
    public static async Task<KubeList<T>> ListAllAsync<T>(
        this IKubeApi api, string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        var first = (options ?? new ListOptions()) with { Limit = options?.Limit ?? DefaultPageSize, Continue = null };
        for (var attempt = 0; ; attempt++)
        {
            var items = new List<T>();
            var page = first;
            KubeList<T>? firstPage = null;
            try
            {
                while (true)
                {
                    var list = await api.ListAsync<T>(@namespace, page, cancellationToken);
                    firstPage ??= list;
                    items.AddRange(list.Items);
                    if (string.IsNullOrEmpty(list.Metadata.Continue))
                    {
                        return firstPage with { Items = items, Metadata = firstPage.Metadata with { Continue = null, RemainingItemCount = null } };
                    }

                    // Later pages must not repeat resourceVersion: the token encodes it.
                    page = first with { Continue = list.Metadata.Continue, ResourceVersion = null, ResourceVersionMatch = null };
                }
            }
            catch (KubeApiException ex) when (ex.IsGone && firstPage is not null && attempt < 3)
            {
                // The continue token outlived the server's history: only a fresh list is consistent.
            }
        }
    }

    /// <summary>Get, or null when the object does not exist.</summary>
    public static async Task<T?> GetOrNullAsync<T>(this IKubeApi api, string? @namespace, string name, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        try
        {
            return await api.GetAsync<T>(@namespace, name, cancellationToken);
        }
        catch (KubeApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }
}
