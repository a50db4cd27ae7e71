using System.Net;
using System.Text;

namespace Ccm.Kube.Tests.Support;

/// <summary>An HTTP handler that answers from a script and records every request (method, path, headers, body).</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> replies = new();

    public List<RecordedRequest> Requests { get; } = [];

    public ScriptedHandler Reply(HttpStatusCode code, string body, Action<HttpResponseMessage>? configure = null)
    {
        replies.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(code) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public ScriptedHandler Reply(Func<HttpRequestMessage, HttpResponseMessage> reply)
    {
        replies.Enqueue(reply);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method.Method,
                request.RequestUri!.PathAndQuery,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType,
                body));
        }

        Func<HttpRequestMessage, HttpResponseMessage> reply;
        lock (replies)
        {
            reply = replies.Count > 0 ? replies.Dequeue() : throw new InvalidOperationException($"no scripted reply for {request.Method} {request.RequestUri}");
        }

        return reply(request);
    }
}
