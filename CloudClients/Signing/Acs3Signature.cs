using System.Security.Cryptography;
using System.Text;

namespace Ccm.CloudClients.Signing;

/// <summary>
/// The V3 signature <c>ACS3-HMAC-SHA256</c>. For RPC-style APIs the path is <c>/</c>, business parameters
/// travel in the query, and the signed headers are <c>host</c>, <c>content-type</c> and every <c>x-acs-*</c>.
/// </summary>
public static class Acs3Signature
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>SHA-256 of an empty body, lowercase hex.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Whether a header takes part in the signature.</summary>
    public static bool IsSignedHeader(string name) =>
        name.StartsWith("x-acs-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase);

    /// <summary>The canonical request and the <c>SignedHeaders</c> list for it.</summary>
    public static (string CanonicalRequest, string SignedHeaders) CanonicalRequest(
        string httpMethod,
        string canonicalUri,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string hashedPayload)
    {
        var canonicalQuery = string.Join('&', query
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value)));

        var signed = headers
            .Where(h => IsSignedHeader(h.Key))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var canonicalHeaders = new StringBuilder();
        foreach (var (name, value) in signed)
        {
            canonicalHeaders.Append(name).Append(':').Append(value).Append('\n');
        }

        var signedHeaders = string.Join(';', signed.Select(h => h.Name));
        var request = string.Join('\n',
            httpMethod.ToUpperInvariant(), canonicalUri, canonicalQuery, canonicalHeaders.ToString(), signedHeaders, hashedPayload);
        return (request, signedHeaders);
    }

    /// <summary><c>ACS3-HMAC-SHA256\n</c> + hex(SHA-256(canonical request)).</summary>
    public static string StringToSign(string canonicalRequest) => Algorithm + "\n" + HexSha256(canonicalRequest);

    /// <summary>hex(HMAC-SHA256(secret, stringToSign)); the key is the secret alone, without V2's trailing '&amp;'.</summary>
    public static string Sign(string accessKeySecret, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string AuthorizationHeader(string accessKeyId, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}";

    public static string HexSha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string HexSha256(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
