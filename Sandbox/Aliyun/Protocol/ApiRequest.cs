using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>How a call is signed: V2 (<c>Signature</c> parameter, HMAC-SHA1) or V3 (<c>Authorization: ACS3-HMAC-SHA256</c>).</summary>
internal enum SignatureKind
{
    V2,
    V3,
}

/// <summary>One OpenAPI call as received, before its signature is checked.</summary>
internal sealed record ApiRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Action { get; init; }

    public required string Version { get; init; }

    public required SignatureKind Signature { get; init; }

    /// <summary>Query and form parameters merged (what handlers read and what a V2 signature covers).</summary>
    public required ApiParameters Parameters { get; init; }

    /// <summary>The query alone (what a V3 canonical request covers).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }

    public required IHeaderDictionary Headers { get; init; }

    /// <summary>Lowercase hex SHA-256 of the body (V3's hashed payload); computed for V3 calls only.</summary>
    public required string BodySha256 { get; init; }
}
