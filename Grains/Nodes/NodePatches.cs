using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Nodes;

/// <summary>The PATCH bodies of the node controller's writes.</summary>
internal static class NodePatches
{
    /// <summary>
    /// A merge patch of <c>spec.providerID</c>. Unconditional on purpose: the API server itself refuses to change a
    /// providerID that is already set (422), and setting the value it already has is a no-op.
    /// </summary>
    public static V1Patch ProviderId(string providerId) =>
        KubePatch.Merge(new JsonObject { ["spec"] = new JsonObject { ["providerID"] = providerId } });

    /// <summary>A merge patch for <c>/status</c>: the list replaces the old one whole (a strategic merge keyed by type
    /// would keep stale addresses of a type that has several).</summary>
    public static V1Patch Addresses(IReadOnlyList<V1NodeAddress> addresses) =>
        KubePatch.Merge(new JsonObject { ["status"] = new JsonObject { ["addresses"] = Json(addresses) } });

    /// <summary>
    /// A JSON patch that sets <c>spec.taints</c> only if the taints are still those of <paramref name="current"/>
    /// (a <c>test</c> on the list; on the resourceVersion when the node has no list yet), so a taint another
    /// controller added in between is never lost: the server answers 422 and the next turn starts from the new list.
    /// </summary>
    public static V1Patch Taints(V1Node current, IEnumerable<V1Taint> taints)
    {
        var precondition = current.Spec?.Taints is { } existing
            ? JsonPatchOperation.Test("/spec/taints", Json(existing))
            : JsonPatchOperation.Test("/metadata/resourceVersion", current.Metadata.ResourceVersion);
        // "add" replaces an existing member and creates a missing one; "replace" would need it to exist.
        return KubePatch.Json(precondition, JsonPatchOperation.Add("/spec/taints", Json(taints)));
    }

    // KubernetesClient's serializer writes what the API server expects (camelCase, RFC 3339 times, no nulls).
    private static JsonNode? Json<T>(IEnumerable<T> items) => JsonNode.Parse(KubernetesJson.Serialize(items.ToList()));
}
