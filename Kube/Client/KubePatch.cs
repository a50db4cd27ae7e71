using System.Text.Json.Nodes;
using k8s.Models;

namespace Ccm.Kube.Client;

/// <summary>
/// KubernetesClient's <see cref="V1Patch"/> from JSON built in code. We patch rather than PUT, so fields this process
/// does not know about are never erased.
/// </summary>
public static class KubePatch
{
    /// <summary>A JSON merge patch (RFC 7386): null removes a key; lists are replaced whole.</summary>
    public static V1Patch Merge(JsonNode patch) => new(patch.ToJsonString(), V1Patch.PatchType.MergePatch);

    /// <summary>A strategic merge patch: lists with merge keys (conditions by type, ports by port) are merged.</summary>
    public static V1Patch StrategicMerge(JsonNode patch) => new(patch.ToJsonString(), V1Patch.PatchType.StrategicMergePatch);

    /// <summary>A JSON patch (RFC 6902); a failing <c>test</c> operation makes the server refuse the whole patch.</summary>
    public static V1Patch Json(params JsonPatchOperation[] operations) =>
        new(new JsonArray([.. operations.Select(o => o.ToJson())]).ToJsonString(), V1Patch.PatchType.JsonPatch);

    /// <summary>
    /// Adds <paramref name="finalizer"/> (a merge patch that carries the object's resourceVersion, so the server refuses
    /// it with 409 if the list changed meanwhile); null when it is there already.
    /// </summary>
    public static V1Patch? AddFinalizer(V1ObjectMeta metadata, string finalizer)
    {
        var current = metadata.Finalizers ?? [];
        return current.Contains(finalizer, StringComparer.Ordinal) ? null : Finalizers(metadata, [.. current, finalizer]);
    }

    /// <summary>Removes <paramref name="finalizer"/> (same precondition); null when it is absent.</summary>
    public static V1Patch? RemoveFinalizer(V1ObjectMeta metadata, string finalizer)
    {
        var current = metadata.Finalizers ?? [];
        return current.Contains(finalizer, StringComparer.Ordinal)
            ? Finalizers(metadata, [.. current.Where(f => !string.Equals(f, finalizer, StringComparison.Ordinal))])
            : null;
    }

    /// <summary>Sets (or, for null values, removes) labels.</summary>
    public static V1Patch Labels(IReadOnlyDictionary<string, string?> labels) => Metadata("labels", labels);

    /// <summary>Sets (or, for null values, removes) annotations.</summary>
    public static V1Patch Annotations(IReadOnlyDictionary<string, string?> annotations) => Metadata("annotations", annotations);

    private static V1Patch Finalizers(V1ObjectMeta metadata, IReadOnlyList<string> finalizers)
    {
        var patch = new JsonObject { ["finalizers"] = new JsonArray([.. finalizers.Select(f => JsonValue.Create(f))]) };
        if (metadata.ResourceVersion is { Length: > 0 } version)
        {
            patch["resourceVersion"] = version;
        }

        return Merge(new JsonObject { ["metadata"] = patch });
    }

    private static V1Patch Metadata(string field, IReadOnlyDictionary<string, string?> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value is null ? null : JsonValue.Create(value);
        }

        return Merge(new JsonObject { ["metadata"] = new JsonObject { [field] = map } });
    }
}
