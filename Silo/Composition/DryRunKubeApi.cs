using Ccm.Kube.Api;
using Ccm.Kube.Models;

namespace Ccm.Silo.Composition;

/// <summary>
/// <c>--dry-run</c>'s second safety net on the Kubernetes side (the grains' own check is the first): reads pass,
/// and the only writes let through are the runtime's bookkeeping, Leases and reminder ConfigMaps in the silo's
/// Lease namespace. Any other write fails with <see cref="DryRunWriteException"/> before it is sent.
/// </summary>
public sealed class DryRunKubeApi(IKubeApi inner, string bookkeepingNamespace) : IKubeApi
{
    public Task<T> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.GetAsync<T>(@namespace, name, cancellationToken);

    public Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.ListAsync<T>(@namespace, options, cancellationToken);

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> => inner.WatchAsync<T>(@namespace, options, cancellationToken);

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        Refusal<T>("create", obj.Metadata.Namespace, obj.Metadata.Name) is { } refused ? Task.FromException<T>(refused) : inner.CreateAsync(obj, cancellationToken);

    public Task<T> PatchAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        Refusal<T>("patch", @namespace, name) is { } refused ? Task.FromException<T>(refused) : inner.PatchAsync<T>(@namespace, name, patch, options, cancellationToken);

    public Task<T> PatchStatusAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        Refusal<T>("patch the status of", @namespace, name) is { } refused ? Task.FromException<T>(refused) : inner.PatchStatusAsync<T>(@namespace, name, patch, options, cancellationToken);

    public Task<T?> DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        Refusal<T>("delete", @namespace, name) is { } refused ? Task.FromException<T?>(refused) : inner.DeleteAsync<T>(@namespace, name, options, cancellationToken);

    public Task<LeaseUpdateResult> UpdateLeaseAsync(Lease lease, CancellationToken cancellationToken = default) =>
        Refusal<Lease>("update", lease.Metadata.Namespace, lease.Metadata.Name) is { } refused
            ? Task.FromException<LeaseUpdateResult>(refused)
            : inner.UpdateLeaseAsync(lease, cancellationToken);

    /// <summary>Null when the write may be sent; otherwise the exception that refuses it.</summary>
    private DryRunWriteException? Refusal<T>(string verb, string? @namespace, string? name)
        where T : class, IKubeObject<T> =>
        (typeof(T) == typeof(Lease) || typeof(T) == typeof(ConfigMap)) && @namespace == bookkeepingNamespace
            ? null
            : new DryRunWriteException($"dry run: the request to {verb} {T.Resource} {ObjectName(@namespace, name)} was not sent");

    private static string ObjectName(string? @namespace, string? name) => string.IsNullOrEmpty(@namespace) ? name ?? "" : $"{@namespace}/{name}";
}

/// <summary>A Kubernetes write was attempted in <c>--dry-run</c> and not sent.</summary>
public sealed class DryRunWriteException : InvalidOperationException
{
    public DryRunWriteException(string message)
        : base(message)
    {
    }

    public DryRunWriteException()
    {
    }

    public DryRunWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
