using System.Net.Http.Headers;
using Ccm.CloudClients.Signing;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// V3 as the generated SDK clients send RPC actions: <c>POST /</c>, business parameters in the query, empty body,
/// and <c>host</c>, <c>x-acs-*</c> signed into <c>Authorization</c>. With STS, <c>x-acs-security-token</c> and
/// <c>x-acs-accesskey-id</c> are added and signed, as the SDK does.
/// </summary>
internal sealed class Acs3Signer : IRequestSigner
{
    public HttpRequestMessage Create(SigningInput input)
    {
        var credential = input.Credential;
        var host = input.Endpoint.Authority; // what HttpClient sends as Host, so the server sees what we signed
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", host),
            new("x-acs-action", input.Action),
            new("x-acs-version", input.Product.Version),
            new("x-acs-date", input.Timestamp),
            new("x-acs-signature-nonce", input.Nonce),
            new("x-acs-content-sha256", Acs3Signature.EmptyPayloadHash),
        };
        if (credential.SecurityToken is { } token)
        {
            headers.Add(new("x-acs-accesskey-id", credential.AccessKeyId));
            headers.Add(new("x-acs-security-token", token.Reveal()));
        }

        var (canonical, signedHeaders) = Acs3Signature.CanonicalRequest("POST", "/", input.Parameters, headers, Acs3Signature.EmptyPayloadHash);
        var signature = Acs3Signature.Sign(credential.AccessKeySecret.Reveal(), Acs3Signature.StringToSign(canonical));

        var request = new HttpRequestMessage(HttpMethod.Post, IRequestSigner.WithQuery(input.Endpoint, input.Parameters));
        foreach (var (name, value) in headers)
        {
            if (name == "host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", Acs3Signature.AuthorizationHeader(credential.AccessKeyId, signedHeaders, signature));
        request.Headers.TryAddWithoutValidation("User-Agent", input.UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
