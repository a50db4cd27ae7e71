using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Ccm.Silo.Dashboard.Model;

namespace Ccm.Silo.Dashboard.Cluster;

/// <summary>
/// Reads a peer silo's <c>/api/local/...</c> JSON with a short timeout, forwarding the caller's credentials, and keeps
/// each answer for <see cref="CacheFor"/>: several users (or one page's parallel requests) cost a peer one read per
/// path. Callers with different credentials never share an answer.
/// </summary>
internal sealed class PeerClient(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1.5);

    // No cookie jar: the client serves every caller, and a caller's session goes out only on that caller's reads.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = Timeout, UseCookies = false })
    {
        Timeout = Timeout,
    };

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<PeerResponse> Response)> cache = new(StringComparer.Ordinal);

    /// <summary>GETs <paramref name="path"/> (starting with <c>/api/local/</c>) from the peer at <paramref name="address"/>.</summary>
    public Task<PeerResponse> GetAsync(string address, string path, PeerCredentials credentials)
    {
        var now = time.GetUtcNow();
        var key = $"{address}|{path}|{credentials.Fingerprint()}";
        if (cache.TryGetValue(key, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Response;
        }

        Sweep(now);
        var response = FetchAsync(address, path, credentials);
        cache[key] = (now, response);
        return response;
    }

    public void Dispose() => http.Dispose();

    private async Task<PeerResponse> FetchAsync(string address, string path, PeerCredentials credentials)
    {
        if (!Uri.TryCreate(address.TrimEnd('/') + path, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return PeerResponse.Failed($"its advertised address \"{address}\" is not an http(s) URL");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        credentials.ApplyTo(request);

        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode switch
            {
                HttpStatusCode.OK => PeerResponse.Ok(body),
                HttpStatusCode.NotFound when IsJson(response) => PeerResponse.Missing,
                HttpStatusCode.Unauthorized => PeerResponse.Failed("it refused the credentials (HTTP 401): do all silos use the same dashboard Secret?"),
                _ => PeerResponse.Failed($"it answered HTTP {(int)response.StatusCode}{Explained(body)}"),
            };
        }
        catch (TaskCanceledException)
        {
            return PeerResponse.Failed($"no answer within {Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return PeerResponse.Failed($"unreachable: {e.Message}");
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in cache)
        {
            if (now - entry.At >= CacheFor)
            {
                cache.TryRemove(key, out _);
            }
        }
    }

    private static bool IsJson(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/json";

    private static string Explained(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DashboardJsonContext.Default.ErrorBody) is { Error: { Length: > 0 } error } ? $": {error}" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
