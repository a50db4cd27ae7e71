using System.Diagnostics.CodeAnalysis;

namespace Ccm.Grains.Nodes;

/// <summary>
/// An Alibaba Cloud <c>spec.providerID</c>: <c>&lt;region&gt;.&lt;instance-id&gt;</c> (<c>cn-hangzhou.i-bp1...</c>),
/// optionally prefixed <c>alicloud://</c> (some installers write it; upstream #298).
/// </summary>
public readonly record struct ProviderId(string RegionId, string InstanceId)
{
    public const string AlicloudPrefix = "alicloud://";

    /// <summary>Hybrid-cloud nodes (ACK One): not ECS, never ours.</summary>
    public const string HybridPrefix = "ack-hybrid://";

    /// <summary>The form we write: no prefix, as upstream's kubelet flag documentation shows.</summary>
    public override string ToString() => $"{RegionId}.{InstanceId}";

    public static bool IsHybrid(string? value) => value?.StartsWith(HybridPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// Parses <c>[alicloud://]&lt;region&gt;.&lt;instance-id&gt;</c>: exactly one dot, a region of lower-case letters,
    /// digits and dashes, an instance id of letters, digits and dashes (upstream only splits on the dot; we also refuse
    /// what could never be an id, so that such a node is reported instead of looked up).
    /// </summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ProviderId? providerId)
    {
        providerId = null;
        var rest = value?.StartsWith(AlicloudPrefix, StringComparison.Ordinal) == true ? value[AlicloudPrefix.Length..] : value;
        var parts = rest?.Split('.');
        if (parts is not [{ Length: > 0 } region, { Length: > 0 } instance]
            || !region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || !instance.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return false;
        }

        providerId = new ProviderId(region, instance);
        return true;
    }
}
