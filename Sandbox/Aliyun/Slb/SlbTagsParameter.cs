using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Slb;

/// <summary>SLB's JSON <c>Tags</c> parameter: <c>[{"TagKey":"k","TagValue":"v"}]</c>, keys read case-insensitively.</summary>
internal static class SlbTagsParameter
{
    public static IReadOnlyList<(string Key, string? Value)> Parse(string name, string text) =>
        JsonParameter.Objects(name, text)
            .Select(e => (Key: JsonParameter.Field(e, "TagKey") ?? "", Value: JsonParameter.Field(e, "TagValue")))
            .Select(t => t.Key.Length > 0 ? t : throw CommonErrors.InvalidParameter(name, $"Every tag in {name} needs a TagKey."))
            .ToList();
}
