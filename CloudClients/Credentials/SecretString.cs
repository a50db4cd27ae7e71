namespace Ccm.CloudClients.Credentials;

/// <summary>
/// A secret value (AccessKey secret, STS token) that cannot leak by accident: <see cref="ToString"/> is redacted,
/// it has no public accessor, and serializers see no public members. Only the signers in this assembly read it.
/// </summary>
public sealed class SecretString : IEquatable<SecretString>
{
    public const string Redacted = "***";

    private readonly string value;

    public SecretString(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        this.value = value;
    }

    /// <summary>Length only, so diagnostics can tell "empty" from "set" without revealing anything.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Length => value.Length;

    /// <summary>The plain value. Internal on purpose: signing is the only place that needs it.</summary>
    internal string Reveal() => value;

    public override string ToString() => Redacted;

    public bool Equals(SecretString? other) =>
        other is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(value), System.Text.Encoding.UTF8.GetBytes(other.value));

    public override bool Equals(object? obj) => Equals(obj as SecretString);

    // A constant hash keeps the value out of hash-based side channels; secrets are never dictionary keys here.
    public override int GetHashCode() => 0;
}
