using k8s;
using k8s.Models;

namespace Ccm.Kube.Watch;

/// <summary>An <see cref="IListWatch{T}"/> from two KubernetesClient calls (see <see cref="KubeListWatch"/>).</summary>
internal sealed class ListWatch<T, TList>(
    string resource,
    Func<ListRequest, CancellationToken, Task<TList>> list,
    Func<WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch) : IListWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : IItems<T>, IMetadata<V1ListMeta>
{
    public string Resource => resource;

    public async Task<ListPage<T>> ListAsync(ListRequest request, CancellationToken cancellationToken)
    {
        var page = await list(request, cancellationToken);
        return new ListPage<T>(page.Items ?? [], page.Metadata?.ResourceVersion, page.Metadata?.ContinueProperty is { Length: > 0 } next ? next : null);
    }

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(WatchRequest request, Action<Exception> onError, CancellationToken cancellationToken) =>
        watch(request, onError, cancellationToken);
}
