namespace Ccm.CloudClients.Credentials;

/// <summary>
/// Explicit credentials (cloud-config's <c>accessKeyID</c>/<c>accessKeySecret</c>, which the silo base64-decodes
/// before setting them here). A class, not a record: its <c>ToString</c> must not print the secret.
/// </summary>
public sealed class CredentialOptions
{
    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    /// <summary>An STS token to send with the pair (temporary credentials handed in from outside).</summary>
    public string? SecurityToken { get; set; }

    /// <summary>A RAM role name to use instead of the first one the metadata service lists.</summary>
    public string? RamRoleName { get; set; }

    public override string ToString() =>
        $"CredentialOptions {{ AccessKeyId set = {!string.IsNullOrEmpty(AccessKeyId)}, AccessKeySecret set = {!string.IsNullOrEmpty(AccessKeySecret)}, " +
        $"SecurityToken set = {!string.IsNullOrEmpty(SecurityToken)}, RamRoleName = {RamRoleName} }}";
}
