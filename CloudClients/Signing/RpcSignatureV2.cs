using System.Security.Cryptography;
using System.Text;

namespace Ccm.CloudClients.Signing;

/// <summary>
/// The classic RPC signature: <c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>.
/// Every parameter except <c>Signature</c> is signed, empty ones included (the Go SDK sends an empty
/// <c>SignatureType=</c>), sorted by ordinal name.
/// </summary>
public static class RpcSignatureV2
{
    public const string SignatureMethod = "HMAC-SHA1";
    public const string SignatureVersion = "1.0";

    /// <summary>Builds <c>METHOD&amp;%2F&amp;enc(canonical query)</c> from every parameter but <c>Signature</c>.</summary>
    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncoding.Encode(p.Key) + "=" + PercentEncoding.Encode(p.Value));
        var canonicalQuery = string.Join('&', sorted);
        return httpMethod.ToUpperInvariant() + "&" + PercentEncoding.Encode("/") + "&" + PercentEncoding.Encode(canonicalQuery);
    }

    /// <summary>Base64(HMAC-SHA1(secret + "&amp;", stringToSign)).</summary>
    public static string Sign(string accessKeySecret, string stringToSign)
    {
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
#pragma warning disable CA5350 // HMAC-SHA1 is what the V2 protocol specifies; the choice is the server's, not ours.
        var mac = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>Constant-time comparison of two base64 signatures, for verifiers.</summary>
    public static bool SignaturesEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
