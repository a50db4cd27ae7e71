using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ccm.CloudClients.Tests.Fakes;

/// <summary>One request as the fake server saw it: query decoded, headers flattened.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Action => Query.TryGetValue("Action", out var a) ? a : Headers.GetValueOrDefault("x-acs-action", "");
}

/// <summary>
/// A recording fake HTTP server: records every request and answers with <c>respond(request, index)</c>. Lets unit
/// tests assert the exact wire encoding and script failures (throttling, 5xx, timeouts) without a network.
/// </summary>
public sealed class RecordingHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private int count;

    public RecordingHandler(Func<RecordedRequest, int, HttpResponseMessage> respond)
        : this((r, i, _) => Task.FromResult(respond(r, i)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        if (request.Headers.Host is { } host)
        {
            headers["host"] = host;
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, ParseQuery(request.RequestUri!.Query), headers, body);
        requests.Enqueue(recorded);
        return await respond(recorded, Interlocked.Increment(ref count) - 1, cancellationToken);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Ok(string json = """{"RequestId":"req-ok"}""") => Json(HttpStatusCode.OK, json);

    public static HttpResponseMessage Error(int status, string code, string message = "failed", params (string Name, string Value)[] headers) =>
        Json((HttpStatusCode)status, $$"""{"RequestId":"req-{{code}}","HostId":"test","Code":"{{code}}","Message":"{{message}}"}""", headers);

    public static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
}
