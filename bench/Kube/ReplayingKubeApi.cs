using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Bench.Kube;

/// <summary>
/// Wraps a client so that its lists claim an old resourceVersion and hold nothing: an informer on top then watches
/// from that version and receives the whole history since, as fast as the server and the client can move it.
/// </summary>
internal sealed class ReplayingKubeApi(IKubeApi inner, string resourceVersion) : IKubeApi
{
    public Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        Task.FromResult(new KubeList<T> { Metadata = new() { ResourceVersion = resourceVersion } });

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.WatchAsync<T>(@namespace, options, cancellationToken);

    public Task<T> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.GetAsync<T>(@namespace, name, cancellationToken);

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.CreateAsync(obj, cancellationToken);

    public Task<T> PatchAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.PatchAsync<T>(@namespace, name, patch, options, cancellationToken);

    public Task<T> PatchStatusAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.PatchStatusAsync<T>(@namespace, name, patch, options, cancellationToken);

    public Task<T?> DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.DeleteAsync<T>(@namespace, name, options, cancellationToken);

    public Task<LeaseUpdateResult> UpdateLeaseAsync(Lease lease, CancellationToken cancellationToken = default) =>
        inner.UpdateLeaseAsync(lease, cancellationToken);
}
