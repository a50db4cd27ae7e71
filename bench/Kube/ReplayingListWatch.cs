using Ccm.Kube.Watch;
using k8s;
using k8s.Models;

namespace Ccm.Bench.Kube;

/// <summary>
/// Wraps a list+watch so that its list claims an old resourceVersion and holds nothing: an informer on top then
/// watches from that version and receives the whole history since, as fast as the server and the client can move it.
/// </summary>
internal sealed class ReplayingListWatch<T>(IListWatch<T> inner, string resourceVersion) : IListWatch<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public string Resource => inner.Resource;

    public Task<ListPage<T>> ListAsync(ListRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ListPage<T>([], resourceVersion, null));

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(WatchRequest request, Action<Exception> onError, CancellationToken cancellationToken) =>
        inner.WatchAsync(request, onError, cancellationToken);
}
