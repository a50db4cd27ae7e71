using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ccm.Sandbox.Aliyun.Signing;

/// <summary>
/// The keys the gateway knows: the configured AccessKey and every STS credential issued to the instance's RAM role.
/// Expired STS credentials are kept so a late caller gets <c>InvalidSecurityToken.Expired</c> rather than NotFound.
/// </summary>
internal sealed class CredentialStore(string accessKeyId, string accessKeySecret, TimeProvider clock)
{
    private readonly Credential configured = new(accessKeyId, accessKeySecret, null, null);
    private readonly ConcurrentDictionary<string, Credential> issued = new(StringComparer.Ordinal);

    public Credential? Find(string id) =>
        id == configured.AccessKeyId ? configured : issued.GetValueOrDefault(id);

    /// <summary>The secret halves of every STS credential issued so far: each security token and AccessKey secret.</summary>
    public IReadOnlyList<string> IssuedSecrets() => [.. issued.Values.SelectMany(c => new[] { c.SecurityToken!, c.AccessKeySecret })];

    /// <summary>Issues a fresh STS credential valid for <paramref name="lifetime"/>, expiring on a whole second.</summary>
    public Credential IssueSts(TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        // Expiration travels as yyyy-MM-ddTHH:mm:ssZ, so truncate: the client and the gateway then agree on the instant.
        var expiration = new DateTimeOffset((now + lifetime).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var credential = new Credential(
            "STS." + RandomText(24, Alphanumeric),
            RandomText(30, Alphanumeric),
            // Real tokens are base64 (with '+', '/' and '='), which exercises the clients' percent-encoding.
            "CAIS" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(150)),
            expiration);
        issued[credential.AccessKeyId] = credential;
        return credential;
    }

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static string RandomText(int length, string alphabet) => RandomNumberGenerator.GetString(alphabet, length);
}
