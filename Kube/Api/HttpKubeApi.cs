using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ccm.Kube.Config;
using Ccm.Kube.Models;
using Ccm.Kube.Watch;

namespace Ccm.Kube.Api;

/// <summary><see cref="IKubeApi"/> over HTTP(S) to a real API server (or the emulator).</summary>
public sealed class HttpKubeApi : IKubeApi, IDisposable
{
    private readonly KubeRequestSender sender;
    private readonly KubeApiOptions options;

    /// <summary>A client for <paramref name="config"/>; <paramref name="handler"/> replaces the TLS-configured default (tests).</summary>
    public HttpKubeApi(KubeClientConfig config, KubeApiOptions? options = null, HttpMessageHandler? handler = null)
    {
        this.options = options ?? new KubeApiOptions();
        Config = config;
        Metrics = new KubeMetrics(this.options.MeterFactory);
        sender = new KubeRequestSender(handler ?? KubeHttpHandlerFactory.Create(config), config, this.options, Metrics);
    }

    public KubeClientConfig Config { get; }

    /// <summary>The client's instruments; informers built on this client report through them too.</summary>
    public KubeMetrics Metrics { get; }

    public Task<T> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        SendAsync(KubeRequest.For(HttpMethod.Get, "get", T.Resource, @namespace, name, null), T.JsonTypeInfo, cancellationToken);

    public Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        SendAsync(
            KubeRequest.For(HttpMethod.Get, "list", T.Resource, @namespace, null, null, (options ?? new ListOptions()).QueryParameters()),
            T.ListJsonTypeInfo,
            cancellationToken);

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        string? @namespace, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        var request = KubeRequest.For(HttpMethod.Get, "watch", T.Resource, @namespace, null, null, options.QueryParameters());
        using var response = await sender.OpenStreamAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var watchEvent in WatchStreamReader.ReadAsync<T>(body, cancellationToken))
        {
            yield return watchEvent;
        }
    }

    public Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        var request = KubeRequest.For(HttpMethod.Post, "create", T.Resource, NamespaceOf(obj), null, null, FieldManager()) with
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(obj, T.JsonTypeInfo),
        };
        return SendAsync(request, T.JsonTypeInfo, cancellationToken);
    }

    public Task<T> PatchAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        SendAsync(PatchRequest<T>(@namespace, name, null, patch, options), T.JsonTypeInfo, cancellationToken);

    public Task<T> PatchStatusAsync<T>(string? @namespace, string name, KubePatch patch, PatchOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T> =>
        SendAsync(PatchRequest<T>(@namespace, name, "status", patch, options), T.JsonTypeInfo, cancellationToken);

    public Task<T?> DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubeObject<T>
    {
        var request = KubeRequest.For(HttpMethod.Delete, "delete", T.Resource, @namespace, name, null) with
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(options ?? new DeleteOptions(), KubeJsonContext.Default.DeleteOptions),
        };
        return sender.SendAsync(request, ReadDeleteReplyAsync<T>, cancellationToken);
    }

    public async Task<LeaseUpdateResult> UpdateLeaseAsync(Lease lease, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(lease.Metadata.ResourceVersion) || string.IsNullOrEmpty(lease.Metadata.Name))
        {
            // Without a version a PUT is unconditional and would silently take the lease from its holder.
            throw new ArgumentException("a Lease update needs metadata.name and the resourceVersion it was read at", nameof(lease));
        }

        var request = KubeRequest.For(HttpMethod.Put, "update", Lease.Resource, NamespaceOf(lease), lease.Metadata.Name, null, FieldManager()) with
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(lease, Lease.JsonTypeInfo),
        };
        try
        {
            return LeaseUpdateResult.Updated(await SendAsync(request, Lease.JsonTypeInfo, cancellationToken));
        }
        catch (KubeApiException ex) when (ex.IsConflict)
        {
            return LeaseUpdateResult.Conflicted(ex.Status);
        }
    }

    public void Dispose()
    {
        sender.Dispose();
        Metrics.Dispose();
    }

    private KubeRequest PatchRequest<T>(string? @namespace, string name, string? subresource, KubePatch patch, PatchOptions? options)
        where T : class, IKubeObject<T> =>
        KubeRequest.For(HttpMethod.Patch, "patch", T.Resource, @namespace, name, subresource, (options ?? new PatchOptions()).QueryParameters(this.options.FieldManager)) with
        {
            Body = patch.Body,
            ContentType = patch.Type.ContentType(),
        };

    private IEnumerable<(string, string?)> FieldManager() => [("fieldManager", options.FieldManager)];

    private static string? NamespaceOf<T>(T obj) where T : class, IKubeObject<T>
    {
        if (T.Resource.Namespaced && string.IsNullOrEmpty(obj.Metadata.Namespace))
        {
            throw new ArgumentException($"{T.Resource} are namespaced: set metadata.namespace", nameof(obj));
        }

        return obj.Metadata.Namespace;
    }

    private Task<TResult> SendAsync<TResult>(KubeRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResult> typeInfo, CancellationToken cancellationToken) =>
        sender.SendAsync(request, async (response, ct) =>
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync(body, typeInfo, ct)
                ?? throw new JsonException($"{request.Operation}: the server sent an empty body");
        }, cancellationToken);

    /// <summary>
    /// A DELETE answers with the object (still present while finalizers or graceful deletion hold it, or as its
    /// last state) or with a <c>Status</c> of success; both are 200/202.
    /// </summary>
    private static async Task<T?> ReadDeleteReplyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class, IKubeObject<T>
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0 || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        return JsonPeek.TopLevelString(bytes, "kind"u8) == "Status" ? null : JsonSerializer.Deserialize(bytes, T.JsonTypeInfo);
    }
}
