namespace Ccm.CloudClients.Credentials;

/// <summary>Where a credential came from; shown in logs and on the dashboard instead of any part of the key.</summary>
public enum CredentialSource
{
    /// <summary>AccessKey pair from cloud-config (base64-decoded by the silo) or options.</summary>
    Static,

    /// <summary><c>ACCESS_KEY_ID</c> / <c>ACCESS_KEY_SECRET</c> from the environment.</summary>
    Environment,

    /// <summary>STS credentials of the ECS instance's RAM role, from the metadata service.</summary>
    RamRole,
}

/// <summary>
/// One AccessKey pair, optionally with an STS <c>SecurityToken</c> and its expiry. A class, not a record, so that no
/// compiler-generated <c>ToString</c>, <c>PrintMembers</c> or deconstruction can print the secret; the override
/// below prints the source and expiry only.
/// </summary>
public sealed class CloudCredential
{
    public CloudCredential(string accessKeyId, SecretString accessKeySecret, SecretString? securityToken, DateTimeOffset? expiration, CredentialSource source)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = securityToken;
        Expiration = expiration;
        Source = source;
    }

    /// <summary>Sent on the wire in clear, but still kept out of logs (it identifies the account).</summary>
    public string AccessKeyId { get; }

    public SecretString AccessKeySecret { get; }

    /// <summary>Present for STS / RAM-role credentials; signed and sent as <c>SecurityToken</c> (V2) or <c>x-acs-security-token</c> (V3).</summary>
    public SecretString? SecurityToken { get; }

    public DateTimeOffset? Expiration { get; }

    public CredentialSource Source { get; }

    public override string ToString() =>
        $"CloudCredential {{ Source = {Source}, Sts = {SecurityToken is not null}, Expiration = {Expiration?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}
