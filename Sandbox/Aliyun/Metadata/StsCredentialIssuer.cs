using Ccm.Sandbox.Aliyun.Signing;

namespace Ccm.Sandbox.Aliyun.Metadata;

/// <summary>
/// Hands out the instance role's STS credentials like the real metadata service: the same set until a third of its
/// lifetime has passed, then a fresh one, while older sets stay valid until their own expiry. Clients that refresh
/// "well before Expiration" therefore see new credentials, and calls signed with the old ones keep working meanwhile.
/// </summary>
internal sealed class StsCredentialIssuer(CredentialStore credentials, TimeSpan lifetime, TimeProvider clock)
{
    private readonly Lock gate = new();
    private (Credential Credential, DateTimeOffset IssuedAt)? current;

    public (Credential Credential, DateTimeOffset IssuedAt) Current()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (current is not { } held || now >= held.IssuedAt + (lifetime / 3))
            {
                current = held = (credentials.IssueSts(lifetime), now);
            }

            return held;
        }
    }
}
