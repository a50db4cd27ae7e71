using System.Diagnostics;

namespace Ccm.Silo.CloudConfiguration;

/// <summary>
/// An AccessKey pair. A class rather than a record so that no generated member can print the secret: every textual
/// form (<see cref="ToString"/>, the debugger, records that contain it) shows only the key id's first characters.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class CloudCredentials : IEquatable<CloudCredentials>
{
    public CloudCredentials(string accessKeyId, string accessKeySecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(accessKeySecret);
        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
    }

    public string AccessKeyId { get; }

    /// <summary>The secret. Hand it to the signer only; never to a log, a message, a metric or the dashboard.</summary>
    public string AccessKeySecret { get; }

    /// <summary>Where the pair came from, e.g. <c>cloud-config</c> or <c>environment</c>, for log lines.</summary>
    public string Source { get; init; } = "";

    /// <summary>A form safe for logs: the id's first four characters (its well-known <c>LTAI</c> prefix) and nothing of the secret.</summary>
    public string RedactedId => AccessKeyId.Length <= 4 ? "****" : AccessKeyId[..4] + "****";

    public override string ToString() => $"CloudCredentials {{ AccessKeyId = {RedactedId}, AccessKeySecret = (redacted), Source = {Source} }}";

    public bool Equals(CloudCredentials? other) =>
        other is not null && AccessKeyId == other.AccessKeyId && AccessKeySecret == other.AccessKeySecret;

    public override bool Equals(object? obj) => Equals(obj as CloudCredentials);

    public override int GetHashCode() => HashCode.Combine(AccessKeyId, AccessKeySecret);
}
