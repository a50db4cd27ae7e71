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

    /// <summary>Full lists of a resource: GETs of its collection that are neither watches nor freshness probes.</summary>
    public int Lists(string resource) => Queries(resource).Count(q => q["watch"] is not ("true" or "1") && q["resourceVersionMatch"] is null);

    /// <summary>Freshness probes: one-object lists at a version (<c>resourceVersionMatch=NotOlderThan</c>).</summary>
    public int Probes(string resource) => Queries(resource).Count(q => q["resourceVersionMatch"] == "NotOlderThan");

    private IEnumerable<System.Collections.Specialized.NameValueCollection> Queries(string resource) =>
        Requests.Where(r => r.Method == "GET" && new Uri("http://x" + r.PathAndQuery).AbsolutePath.EndsWith("/" + resource, StringComparison.Ordinal))
            .Select(r => HttpUtility.ParseQueryString(new Uri("http://x" + r.PathAndQuery).Query));

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
