using System.Net.Http.Headers;
using Ccm.CloudClients.Signing;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// V2 as the v1 Go SDK (which the upstream CCM uses) sends it: <c>POST /</c>, common and business parameters and the
/// <c>Signature</c> all in the query, an empty form-encoded body, plus unsigned <c>x-acs-action</c>/<c>x-acs-version</c>.
/// </summary>
internal sealed class RpcV2Signer : IRequestSigner
{
    public HttpRequestMessage Create(SigningInput input)
    {
        var credential = input.Credential;
        var parameters = new List<KeyValuePair<string, string>>(input.Parameters)
        {
            new("Action", input.Action),
            new("Version", input.Product.Version),
            new("Format", "JSON"),
            new("AccessKeyId", credential.AccessKeyId),
            new("SignatureMethod", RpcSignatureV2.SignatureMethod),
            new("SignatureVersion", RpcSignatureV2.SignatureVersion),
            new("SignatureNonce", input.Nonce),
            new("Timestamp", input.Timestamp),
        };
        if (credential.SecurityToken is { } token)
        {
            parameters.Add(new("SecurityToken", token.Reveal()));
        }

        var signature = RpcSignatureV2.Sign(credential.AccessKeySecret.Reveal(), RpcSignatureV2.StringToSign("POST", parameters));
        parameters.Add(new("Signature", signature));

        var request = new HttpRequestMessage(HttpMethod.Post, IRequestSigner.WithQuery(input.Endpoint, parameters))
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("x-acs-action", input.Action);
        request.Headers.TryAddWithoutValidation("x-acs-version", input.Product.Version);
        request.Headers.TryAddWithoutValidation("User-Agent", input.UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
