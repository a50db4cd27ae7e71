using System.Collections.Concurrent;
using System.Web;

namespace Ccm.Kube.Tests.Support;

/// <summary>
/// Records every request a client sends, as the outermost handler sees it (after KubernetesClient set the credentials):
/// method, path with query, and Authorization.
/// </summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>For <see cref="Ccm.Kube.Client.KubeClientOptions.OuterHandlers"/>.</summary>
    public Func<DelegatingHandler> Handler => () => new Recording(requests);

    /// <summary>The resourceVersion of every watch request, in order.</summary>
    public IReadOnlyList<string?> WatchVersions() =>
        [.. Requests.Select(r => HttpUtility.ParseQueryString(new Uri("http://x" + r.PathAndQuery).Query))
            .Where(q => q["watch"] is "true" or "1")
            .Select(q => q["resourceVersion"])];

    private sealed class Recording(ConcurrentQueue<RecordedRequest> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(new RecordedRequest(
                request.Method.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType, null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
