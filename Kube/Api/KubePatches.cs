using System.Text.Json.Nodes;
using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>
/// Patches controllers need again and again. Finalizer patches carry the resourceVersion they were computed from,
/// so a concurrent change makes them fail with 409 Conflict instead of overwriting another writer's finalizer
/// (a merge patch replaces the whole list; "a PATCH is unconditional unless it includes the resourceVersion").
/// </summary>
public static class KubePatches
{
    /// <summary>A patch adding <paramref name="finalizer"/>, or null when <paramref name="obj"/> already has it.</summary>
    public static KubePatch? AddFinalizer(IKubeObject obj, string finalizer)
    {
        var current = obj.Metadata.Finalizers ?? [];
        return current.Contains(finalizer, StringComparer.Ordinal) ? null : Finalizers(obj, [.. current, finalizer]);
    }

    /// <summary>A patch removing <paramref name="finalizer"/>, or null when <paramref name="obj"/> does not have it.</summary>
    public static KubePatch? RemoveFinalizer(IKubeObject obj, string finalizer)
    {
        var current = obj.Metadata.Finalizers ?? [];
        return current.Contains(finalizer, StringComparer.Ordinal)
            ? Finalizers(obj, [.. current.Where(f => !string.Equals(f, finalizer, StringComparison.Ordinal))])
            : null;
    }

    /// <summary>A merge patch of labels: a value sets the label, null removes it. Others are untouched.</summary>
    public static KubePatch Labels(IReadOnlyDictionary<string, string?> labels) => Metadata("labels", labels);

    /// <summary>A merge patch of annotations: a value sets the annotation, null removes it. Others are untouched.</summary>
    public static KubePatch Annotations(IReadOnlyDictionary<string, string?> annotations) => Metadata("annotations", annotations);

    private static KubePatch Finalizers(IKubeObject obj, IReadOnlyList<string> finalizers)
    {
        var list = new JsonArray([.. finalizers.Select(f => JsonValue.Create(f))]);
        var metadata = new JsonObject { ["finalizers"] = list };
        if (obj.Metadata.ResourceVersion is { Length: > 0 } version)
        {
            metadata["resourceVersion"] = version;
        }

        return KubePatch.Merge(new JsonObject { ["metadata"] = metadata });
    }

    private static KubePatch Metadata(string field, IReadOnlyDictionary<string, string?> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value is null ? null : JsonValue.Create(value);
        }

        return KubePatch.Merge(new JsonObject { ["metadata"] = new JsonObject { [field] = map } });
    }
}
