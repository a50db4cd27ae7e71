using Ccm.CloudClients.Signing;

namespace Ccm.Sandbox.Aliyun.Signing;

/// <summary>
/// The parsed <c>Authorization: ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex</c> header. The header
/// list the client signed is used as given, but it must cover the headers that identify the call, as the gateway demands.
/// </summary>
internal sealed record Acs3Authorization(string AccessKeyId, IReadOnlyList<string> SignedHeaders, string Signature)
{
    private static readonly string[] MustBeSigned = ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce"];

    public static Acs3Authorization Parse(string header)
    {
        if (header.Length == 0)
        {
            throw SignatureErrors.Incomplete("The Authorization header is missing.");
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || header[..space] != Acs3Signature.Algorithm)
        {
            throw SignatureErrors.Incomplete("Only ACS3-HMAC-SHA256 is supported.");
        }

        var fields = header[(space + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var accessKeyId) || accessKeyId.Length == 0
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature) || signature.Length == 0)
        {
            throw SignatureErrors.Incomplete("Authorization needs Credential, SignedHeaders and Signature.");
        }

        var names = signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(n => n.ToLowerInvariant()).ToList();
        var unsigned = MustBeSigned.Where(required => !names.Contains(required)).ToList();
        if (unsigned.Count > 0)
        {
            throw SignatureErrors.Incomplete("SignedHeaders must include " + string.Join(", ", unsigned) + ".");
        }

        return new Acs3Authorization(accessKeyId, names, signature);
    }
}
