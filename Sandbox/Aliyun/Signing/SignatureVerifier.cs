using System.Globalization;
using Ccm.CloudClients.Signing;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Signing;

/// <summary>
/// Authenticates a call the way the gateway does, in its order: timestamp, AccessKey, STS token, signature, and only
/// then the nonce (an unsigned request must not burn a nonce). Returns the caller's AccessKeyId.
/// </summary>
internal sealed class SignatureVerifier(CredentialStore credentials, NonceCache nonces, EmulatorSettings settings)
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"];

    public string Verify(ApiRequest request) => request.Signature == SignatureKind.V2 ? VerifyV2(request) : VerifyV3(request);

    private string VerifyV2(ApiRequest request)
    {
        var p = request.Parameters;
        var signature = p.NonEmpty("Signature") ?? throw SignatureErrors.Incomplete("The Signature parameter is missing.");
        if (!string.Equals(p.Get("SignatureMethod"), RpcSignatureV2.SignatureMethod, StringComparison.Ordinal)
            || !string.Equals(p.Get("SignatureVersion"), RpcSignatureV2.SignatureVersion, StringComparison.Ordinal))
        {
            throw SignatureErrors.Incomplete("SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.");
        }

        CheckTimestamp(p.NonEmpty("Timestamp") ?? throw CommonErrors.Missing("Timestamp"));
        var nonce = p.NonEmpty("SignatureNonce") ?? throw CommonErrors.Missing("SignatureNonce");
        var credential = Authenticate(p.NonEmpty("AccessKeyId") ?? throw CommonErrors.Missing("AccessKeyId"), p.Get("SecurityToken"));

        // Every received parameter but Signature is signed, empty ones included, under the method actually used.
        var stringToSign = RpcSignatureV2.StringToSign(request.Method, p.Raw);
        var expected = RpcSignatureV2.Sign(credential.AccessKeySecret, stringToSign);
        if (!RpcSignatureV2.SignaturesEqual(expected, signature))
        {
            throw SignatureErrors.DoesNotMatch(stringToSign);
        }

        return UseNonce(credential, nonce);
    }

    private string VerifyV3(ApiRequest request)
    {
        var authorization = Acs3Authorization.Parse(request.Headers.Authorization.ToString());
        CheckTimestamp(Header(request, "x-acs-date") ?? throw SignatureErrors.Incomplete("The x-acs-date header is missing."));
        var nonce = Header(request, "x-acs-signature-nonce") ?? throw CommonErrors.Missing("SignatureNonce");
        var credential = Authenticate(authorization.AccessKeyId, Header(request, "x-acs-security-token"));

        var signedHeaders = authorization.SignedHeaders
            .Select(name => new KeyValuePair<string, string>(name, string.Join(',', request.Headers[name].Order(StringComparer.Ordinal))));
        var (canonicalRequest, _) = Acs3Signature.CanonicalRequest(
            request.Method, request.Path, request.Query, signedHeaders, request.BodySha256);
        var stringToSign = Acs3Signature.StringToSign(canonicalRequest);
        var expected = Acs3Signature.Sign(credential.AccessKeySecret, stringToSign);
        if (!RpcSignatureV2.SignaturesEqual(expected, authorization.Signature.ToLowerInvariant()))
        {
            throw SignatureErrors.DoesNotMatch(stringToSign);
        }

        return UseNonce(credential, nonce);
    }

    private Credential Authenticate(string accessKeyId, string? securityToken)
    {
        var credential = credentials.Find(accessKeyId) ?? throw SignatureErrors.AccessKeyNotFound();
        if (credential.IsSts)
        {
            if (!string.Equals(securityToken, credential.SecurityToken, StringComparison.Ordinal))
            {
                throw SignatureErrors.SecurityTokenMismatch();
            }

            if (settings.Clock.GetUtcNow() >= credential.Expiration)
            {
                throw SignatureErrors.SecurityTokenExpired();
            }
        }

        return credential;
    }

    private void CheckTimestamp(string text)
    {
        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            throw SignatureErrors.TimestampFormat();
        }

        if ((settings.Clock.GetUtcNow() - timestamp).Duration() > settings.MaxClockSkew)
        {
            throw SignatureErrors.TimestampExpired();
        }
    }

    private string UseNonce(Credential credential, string nonce) =>
        nonces.TryUse(credential.AccessKeyId, nonce) ? credential.AccessKeyId : throw SignatureErrors.NonceUsed();

    private static string? Header(ApiRequest request, string name) =>
        request.Headers[name].ToString() is { Length: > 0 } value ? value : null;
}
