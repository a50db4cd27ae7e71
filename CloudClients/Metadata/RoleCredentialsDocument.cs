using System.Globalization;
using System.Text.Json.Serialization;
using Ccm.CloudClients.Credentials;

namespace Ccm.CloudClients.Metadata;

/// <summary>A RAM role's STS credentials as the metadata service issued them, already validated.</summary>
public sealed class RoleCredentialsDocument(CloudCredential credential, DateTimeOffset? lastUpdated)
{
    public CloudCredential Credential { get; } = credential;

    /// <summary>When the service minted them; the start of the lifetime the refresh policy divides.</summary>
    public DateTimeOffset? LastUpdated { get; } = lastUpdated;

    public override string ToString() => $"RoleCredentialsDocument {{ {Credential}, LastUpdated = {LastUpdated?.ToString("u", CultureInfo.InvariantCulture) ?? "none"} }}";

    /// <summary>
    /// Validates the wire document as the SDKs do: <c>Code</c> must be <c>Success</c> and all four credential
    /// fields non-empty. Errors name the missing field, never a value.
    /// </summary>
    internal static RoleCredentialsDocument FromWire(RoleCredentialsWire wire, string roleName)
    {
        if (!string.Equals(wire.Code, "Success", StringComparison.Ordinal))
        {
            throw new CredentialsUnavailableException($"metadata service returned Code '{wire.Code}' for RAM role '{roleName}'");
        }

        if (string.IsNullOrEmpty(wire.AccessKeyId) || string.IsNullOrEmpty(wire.AccessKeySecret)
            || string.IsNullOrEmpty(wire.SecurityToken) || string.IsNullOrEmpty(wire.Expiration))
        {
            throw new CredentialsUnavailableException($"metadata credentials for RAM role '{roleName}' lack a required field");
        }

        var credential = new CloudCredential(
            wire.AccessKeyId, new SecretString(wire.AccessKeySecret), new SecretString(wire.SecurityToken),
            ParseTime(wire.Expiration, "Expiration", roleName), CredentialSource.RamRole);
        var lastUpdated = string.IsNullOrEmpty(wire.LastUpdated) ? (DateTimeOffset?)null : ParseTime(wire.LastUpdated, "LastUpdated", roleName);
        return new RoleCredentialsDocument(credential, lastUpdated);
    }

    // The service writes UTC as 2006-01-02T15:04:05Z (the layout credentials-go parses with).
    private static DateTimeOffset ParseTime(string text, string field, string roleName) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new CredentialsUnavailableException($"metadata credentials for RAM role '{roleName}' have an unparsable {field}");
}

/// <summary>The JSON the service returns. Internal and with a redacting <c>ToString</c>: it holds plain secrets.</summary>
internal sealed class RoleCredentialsWire
{
    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    public string? SecurityToken { get; set; }

    public string? Expiration { get; set; }

    public string? LastUpdated { get; set; }

    public string? Code { get; set; }

    public override string ToString() => $"RoleCredentialsWire {{ Code = {Code}, Expiration = {Expiration} }}";
}

[JsonSerializable(typeof(RoleCredentialsWire))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
