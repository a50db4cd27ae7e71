using System.Collections.Immutable;

namespace Ccm.Sandbox.Aliyun.State;

/// <summary>The tag filter every Describe action applies: each wanted tag must be present; one without a value matches on the key alone.</summary>
internal static class TagFilter
{
    public static bool HasAll(this ImmutableArray<ResourceTag> tags, IReadOnlyList<(string Key, string? Value)> wanted) =>
        wanted.All(w => tags.Any(t => t.Key == w.Key && (string.IsNullOrEmpty(w.Value) || t.Value == w.Value)));
}
