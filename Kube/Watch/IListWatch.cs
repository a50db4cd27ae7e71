using k8s;
using k8s.Models;

namespace Ccm.Kube.Watch;

/// <summary>
/// The two calls an informer makes for one kind (client-go's <c>ListerWatcher</c>): the seam tests fake to script a
/// server. <see cref="KubeListWatch"/> implements it over KubernetesClient.
/// </summary>
public interface IListWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The resource's plural name (<c>services</c>), for logs and metrics.</summary>
    string Resource { get; }

    /// <summary>One page of a consistent list (no resourceVersion: the newest state).</summary>
    Task<ListPage<T>> ListAsync(ListRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A watch from <see cref="WatchRequest.ResourceVersion"/> with bookmarks, as (type, object) pairs until the server
    /// ends it. A refusal to start throws; ERROR events and undecodable frames go to <paramref name="onError"/>.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(WatchRequest request, Action<Exception> onError, CancellationToken cancellationToken);
}

/// <summary>
/// A list request: selectors, page size and the continue token of the previous page; with a resourceVersion, a read
/// at least as new as it (<c>resourceVersionMatch=NotOlderThan</c>), which a server behind that version refuses.
/// </summary>
public sealed record ListRequest(string? LabelSelector, string? FieldSelector, int? Limit, string? Continue, string? NotOlderThan = null);

/// <summary>A watch request from a resourceVersion, ended by the server after <see cref="TimeoutSeconds"/>.</summary>
public sealed record WatchRequest(string? LabelSelector, string? FieldSelector, string ResourceVersion, int TimeoutSeconds);

/// <summary>One page of a list, with the list's resourceVersion and the token of the next page (null on the last).</summary>
public sealed record ListPage<T>(IList<T> Items, string? ResourceVersion, string? Continue);
