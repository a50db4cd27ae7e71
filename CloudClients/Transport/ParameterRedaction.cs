using System.Collections.Frozen;

namespace Ccm.CloudClients.Transport;

/// <summary>
/// Renders request parameters for logs with credential-bearing values replaced. Business parameters never carry
/// credentials (signers add those after logging), so this is the second net, not the first.
/// </summary>
public static class ParameterRedaction
{
    private static readonly FrozenSet<string> SensitiveNames = FrozenSet.ToFrozenSet(
    [
        "Signature", "SecurityToken", "AccessKeyId", "AccessKeySecret", "Authorization",
        "x-acs-security-token", "x-acs-accesskey-id", "X-aliyun-ecs-metadata-token",
    ], StringComparer.OrdinalIgnoreCase);

    public static bool IsSensitive(string name) =>
        SensitiveNames.Contains(name)
        || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Secret", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>k=v k2=***</c>, in the order given.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join(' ', parameters.Select(p => p.Key + "=" + (IsSensitive(p.Key) ? "***" : p.Value)));
}
