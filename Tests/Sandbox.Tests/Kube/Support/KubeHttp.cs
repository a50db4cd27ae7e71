using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube;

namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>
/// A bare HTTP client for the emulator: the tests look at exactly what goes over the wire. It trusts the emulator's CA
/// and sends its token, as a client configured from the kubeconfig would (see <see cref="KubeEmulator.CreateHttpClient"/>).
/// </summary>
public sealed class KubeHttp(HttpClient client) : IDisposable
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    public KubeHttp(KubeEmulator emulator)
        : this(emulator.CreateHttpClient())
    {
    }

    public Uri BaseAddress => client.BaseAddress!;

    public Task<KubeReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, null);

    public Task<KubeReply> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString(), Json);

    public Task<KubeReply> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body.ToJsonString(), Json);

    public Task<KubeReply> PatchAsync(string path, string contentType, string body) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<KubeReply> PatchAsync(string path, string contentType, JsonNode body) => PatchAsync(path, contentType, body.ToJsonString());

    public Task<KubeReply> DeleteAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Delete, path, body?.ToJsonString(), body is null ? null : Json);

    public async Task<KubeReply> SendAsync(HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        using var response = await client.SendAsync(request);
        return await ReadResponseAsync(response);
    }

    /// <summary>Sends a request built by the caller (e.g. with other credentials) and reads the reply.</summary>
    public async Task<KubeReply> SendAsync(HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        return await ReadResponseAsync(response);
    }

    private static async Task<KubeReply> ReadResponseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = text.Length == 0 ? null : mediaType == "text/plain" ? JsonValue.Create(text) : JsonNode.Parse(text);
        return new KubeReply((int)response.StatusCode, mediaType, body)
        {
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }

    /// <summary>The events of a watch, one JSON object per line, until the server ends the stream or the token fires.</summary>
    public async IAsyncEnumerable<JsonObject> WatchAsync(string pathAndQuery, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return JsonNode.Parse(line)!.AsObject();
        }
    }

    /// <summary>Collects a watch's events in the background until <paramref name="until"/> holds or the stream ends.</summary>
    public WatchRecorder Record(string pathAndQuery) => new(WatchAsync, pathAndQuery);

    public void Dispose() => client.Dispose();
}

/// <summary>A reply: status code, media type and the parsed body.</summary>
public sealed record KubeReply(int Status, string? MediaType, JsonNode? Body)
{
    public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException($"no object in the reply: {this}");

    public string? Reason => (string?)Body?["reason"];

    public string? ResourceVersion => (string?)Body?["metadata"]?["resourceVersion"];

    /// <summary>The <c>Retry-After</c> header, when the server sent one in seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public override string ToString() => $"{Status} {Body?.ToJsonString()}";
}
