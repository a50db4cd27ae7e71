using Ccm.CloudClients.Credentials;
using Ccm.CloudClients.Endpoints;

namespace Ccm.CloudClients.Transport;

/// <summary>Everything one signed request is made of. The nonce and time are inputs so tests can pin them.</summary>
internal readonly record struct SigningInput(
    Uri Endpoint, CloudProduct Product, string Action, IReadOnlyList<KeyValuePair<string, string>> Parameters,
    CloudCredential Credential, string Nonce, DateTimeOffset Now, string UserAgent)
{
    /// <summary>UTC, seconds precision, <c>Z</c>: the one timestamp form both signature versions accept.</summary>
    public string Timestamp => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Turns business parameters into a signed <c>POST /</c> request, with every parameter in the query.</summary>
internal interface IRequestSigner
{
    HttpRequestMessage Create(SigningInput input);

    /// <summary>Builds <c>/?k=v&amp;...</c> with the signers' percent-encoding, so the server decodes exactly what was signed.</summary>
    static Uri WithQuery(Uri endpoint, IEnumerable<KeyValuePair<string, string>> query)
    {
        var text = string.Join('&', query.Select(p => Signing.PercentEncoding.Encode(p.Key) + "=" + Signing.PercentEncoding.Encode(p.Value)));
        return new Uri(endpoint, text.Length == 0 ? "/" : "/?" + text);
    }
}
