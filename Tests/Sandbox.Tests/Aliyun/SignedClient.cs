using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ccm.CloudClients.Signing;

namespace Ccm.Sandbox.Tests.Aliyun;

/// <summary>How a V2 call is sent: all in the query (GET, or POST as the Go SDK does) or all in a form body (pop-core's POST).</summary>
public enum V2Style
{
    GetQuery,
    PostQuery,
    PostForm,
}

/// <summary>
/// An answer from the emulator: status, JSON body (an empty object when there was none, or when the body is not JSON),
/// headers, and the body as sent with its content type (for answers garbled on purpose).
/// </summary>
public sealed record ApiReply(int Status, JsonElement Body, HttpResponseHeaders Headers)
{
    public string Text { get; init; } = "";

    public string? ContentType { get; init; }

    public string? Code => Body.TryGetProperty(nameof(Code), out var code) ? code.GetString() : null;

    public string? Message => Body.TryGetProperty(nameof(Message), out var message) ? message.GetString() : null;

    public JsonElement this[string name] => Body.GetProperty(name);

    public ApiReply Ok()
    {
        Assert.True(Status == 200, $"expected 200, got {Status}: {Body}");
        return this;
    }

    public ApiReply Fails(int status, string code)
    {
        Assert.True(Status == status && Code == code, $"expected {status} {code}, got {Status}: {Body}");
        return this;
    }
}

/// <summary>
/// A minimal signing client for the emulator tests, built on the shared signers (the real typed client lives in
/// CloudClients and is tested against the emulator on its own branch). It signs V2 and V3 exactly as the SDKs do.
/// </summary>
public sealed class SignedClient(HttpClient http, string accessKeyId, string accessKeySecret, string? securityToken = null)
{
    public const string Slb = "2014-05-15";
    public const string Vpc = "2016-04-28";
    public const string Ecs = "2014-05-26";

    /// <summary>Replaces the clock used for timestamps (to test skew).</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    public Task<ApiReply> V2(string version, string action, IReadOnlyDictionary<string, string>? parameters = null, V2Style style = V2Style.PostQuery) =>
        SendV2(version, action, parameters, style, nonce: null, tamper: null);

    /// <summary>Signs, then lets the caller alter the signed parameters (nonce fixing, tampering, removing the signature).</summary>
    public async Task<ApiReply> SendV2(string version, string action, IReadOnlyDictionary<string, string>? parameters, V2Style style,
        string? nonce, Action<Dictionary<string, string>>? tamper)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = action, ["Version"] = version, ["Format"] = "JSON", ["AccessKeyId"] = accessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["Timestamp"] = Now().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (securityToken is not null)
        {
            all["SecurityToken"] = securityToken;
        }

        foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var method = style == V2Style.GetQuery ? "GET" : "POST";
        all["Signature"] = RpcSignatureV2.Sign(accessKeySecret, RpcSignatureV2.StringToSign(method, all));
        tamper?.Invoke(all);
        var encoded = string.Join('&', all.Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value)));
        using var request = style == V2Style.PostForm
            ? new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(new HttpMethod(method), "/?" + encoded);
        return await Send(request);
    }

    /// <summary>A V3 call (ACS3-HMAC-SHA256) with every parameter in the query and an empty body, as the generated SDKs send it.</summary>
    public Task<ApiReply> V3(string version, string action, IReadOnlyDictionary<string, string>? query = null, Action<HttpRequestMessage>? tamper = null)
    {
        var pairs = (query ?? new Dictionary<string, string>()).ToList();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = http.BaseAddress!.Authority,
            ["x-acs-action"] = action,
            ["x-acs-version"] = version,
            ["x-acs-date"] = Now().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = Acs3Signature.EmptyPayloadHash,
        };
        if (securityToken is not null)
        {
            headers["x-acs-accesskey-id"] = accessKeyId;
            headers["x-acs-security-token"] = securityToken;
        }

        var (canonical, signedHeaders) = Acs3Signature.CanonicalRequest("POST", "/", pairs, headers, Acs3Signature.EmptyPayloadHash);
        var signature = Acs3Signature.Sign(accessKeySecret, Acs3Signature.StringToSign(canonical));
        var uri = "/" + (pairs.Count == 0 ? "" : "?" + string.Join('&', pairs.Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value))));
        var request = new HttpRequestMessage(HttpMethod.Post, uri);
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", Acs3Signature.AuthorizationHeader(accessKeyId, signedHeaders, signature));
        tamper?.Invoke(request);
        return SendAndDispose(request);
    }

    /// <summary>The string to sign a V2 call would have, for comparing with the server's echo.</summary>
    public static string ExpectedStringToSign(string method, IReadOnlyDictionary<string, string> signedParameters) =>
        RpcSignatureV2.StringToSign(method, signedParameters);

    private async Task<ApiReply> SendAndDispose(HttpRequestMessage request)
    {
        using (request)
        {
            return await Send(request);
        }
    }

    private async Task<ApiReply> Send(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = TryParse(text) ?? JsonDocument.Parse("{}");
        return new ApiReply((int)response.StatusCode, document.RootElement.Clone(), response.Headers)
        {
            Text = text, ContentType = response.Content.Headers.ContentType?.MediaType,
        };
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
