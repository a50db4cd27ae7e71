using System.Net;
using Ccm.CloudClients.Signing;

namespace Ccm.CloudClients.Tests.Fakes;

/// <summary>
/// Every form a secret can take on its way to a log line: as is, percent-encoded the way signers encode it (a V2
/// query carries the STS token so), URI-escaped and form-encoded. Asserting only the raw form misses the query.
/// </summary>
public static class SecretForms
{
    public static IEnumerable<string> Of(string secret) =>
        new[] { secret, PercentEncoding.Encode(secret), Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) }.Distinct();

    public static void AssertAbsent(string text, params string[] secrets)
    {
        foreach (var form in secrets.SelectMany(Of))
        {
            Assert.DoesNotContain(form, text);
        }
    }
}
