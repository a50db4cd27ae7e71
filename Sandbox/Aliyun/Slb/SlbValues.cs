using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>Enumerated SLB parameter values, validated as the API documents them.</summary>
internal static class SlbValues
{
    public static readonly IReadOnlySet<string> Specs = new HashSet<string>(StringComparer.Ordinal)
    {
        "slb.s1.small", "slb.s2.small", "slb.s2.medium", "slb.s3.small", "slb.s3.medium", "slb.s3.large", "slb.lcu.elastic",
    };

    /// <summary>The value of an enumerated parameter (compared case-insensitively, answered in the listed spelling), or null.</summary>
    public static string? OneOf(ApiParameters parameters, string name, params string[] allowed) => parameters.OneOf(name, allowed);

    public static string? Spec(ApiParameters parameters)
    {
        var spec = parameters.NonEmpty("LoadBalancerSpec");
        return spec is null || Specs.Contains(spec) ? spec : throw CommonErrors.InvalidParameter("LoadBalancerSpec");
    }

    public static int? Bandwidth(ApiParameters parameters, bool allowUnlimited)
    {
        var bandwidth = parameters.Int("Bandwidth");
        return bandwidth is null or (>= 1 and <= 5120) || (allowUnlimited && bandwidth == -1)
            ? bandwidth
            : throw CommonErrors.InvalidParameter("Bandwidth", "The specified Bandwidth is not valid; use -1 or 1 to 5120.");
    }
}
