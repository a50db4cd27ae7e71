using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>
/// The Kubernetes API as the CCM uses it. The type argument is always a model from
/// <c>Ccm.Kube.Models</c>, which knows its REST location. <c>namespace</c> is ignored for cluster-scoped kinds;
/// for namespaced kinds null means "all namespaces" on list/watch and is an error elsewhere.
/// </summary>
/// <remarks>
/// <para>Failures the server reports throw <see cref="KubeApiException"/> (test its predicates:
/// <see cref="KubeApiException.IsNotFound"/>, <see cref="KubeApiException.IsConflict"/>, ...); transport failures
/// throw <see cref="HttpRequestException"/>. The one exception to exceptions is <see cref="UpdateLeaseAsync"/>.</para>
/// <para>There is deliberately no general PUT: objects change through <see cref="PatchAsync{T}"/> and
/// <see cref="PatchStatusAsync{T}"/>, so fields our models do not know are never erased.</para>
/// </remarks>
public interface IKubeApi
{
    Task<T> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>One page (all items when <see cref="ListOptions.Limit"/> is unset). See <see cref="KubeApiExtensions.ListAllAsync{T}"/>.</summary>
    Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>
    /// Opens a watch and yields its events until the server ends it (the sequence then completes) or
    /// <paramref name="cancellationToken"/> fires. A refusal to start (e.g. 410 for an expired version) throws
    /// on the first <c>MoveNextAsync</c>; failures after the start arrive as <see cref="WatchEventType.Error"/> events.
    /// Most callers want an <see cref="Cache.Informer{T}"/> instead.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>Creates <paramref name="obj"/> in <c>obj.Metadata.Namespace</c>; 409 AlreadyExists if the name is taken.</summary>
    Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>Patches the object (its status is ignored by the server: use <see cref="PatchStatusAsync{T}"/>).</summary>
    Task<T> PatchAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>Patches the <c>/status</c> subresource: only <c>status</c> changes, whatever else the patch says.</summary>
    Task<T> PatchStatusAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>
    /// Deletes the object. Returns it as the server last reported it (with <c>deletionTimestamp</c> set when
    /// finalizers hold it back), or null when the server answered with a bare Status (it is gone).
    /// </summary>
    Task<T?> DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>;

    /// <summary>
    /// Replaces a Lease (PUT) on the condition that <c>lease.Metadata.ResourceVersion</c> is still current; a stale
    /// version is a <see cref="LeaseUpdateResult.IsConflict"/> result, the loser's normal outcome in an election.
    /// </summary>
    Task<LeaseUpdateResult> UpdateLeaseAsync(Lease lease, CancellationToken cancellationToken = default);
}
