namespace Ccm.Kube.Api;

/// <summary>The four PATCH content types the API server understands.</summary>
public enum PatchType
{
    /// <summary>RFC 7386 JSON merge patch: objects merge, lists are replaced whole, <c>null</c> deletes a key.</summary>
    Merge,

    /// <summary>RFC 6902 JSON patch: a list of operations, with <c>test</c> for preconditions.</summary>
    Json,

    /// <summary>
    /// Kubernetes strategic merge patch: like merge, but lists with a merge key (ports by <c>port</c>, conditions
    /// by <c>type</c>, ...) merge element-wise. Built-in kinds only, not custom resources.
    /// </summary>
    StrategicMerge,

    /// <summary>Server-side apply: create-or-update of the fields the field manager owns.</summary>
    Apply,
}

internal static class PatchTypeExtensions
{
    public static string ContentType(this PatchType type) => type switch
    {
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        PatchType.StrategicMerge => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
