using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Discovery;
using Ccm.Sandbox.Kube.Selectors;
using Ccm.Sandbox.Kube.Semantics;

namespace Ccm.Sandbox.Kube;

/// <summary>The patch content types, for <see cref="KubeObjects.Patch(string, string?, string, KubePatchType, string, string?)"/>.</summary>
public enum KubePatchType
{
    /// <summary>RFC 6902, <c>application/json-patch+json</c>.</summary>
    Json,

    /// <summary>RFC 7386, <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary><c>application/strategic-merge-patch+json</c>.</summary>
    StrategicMerge,

    /// <summary>Server-side apply, <c>application/apply-patch+yaml</c> (served as an upsert).</summary>
    Apply,
}

/// <summary>
/// In-process access to the emulator's objects for tests: the same verbs and rules as the HTTP API (admission,
/// allocation, finalizers, conflicts, watch events), without a client. Resources are named as kubectl names them:
/// <c>services</c>, <c>svc</c>, <c>deployments.apps</c>, <c>leases.coordination.k8s.io</c>, <c>events.events.k8s.io</c>.
/// Objects come back as private copies. Failures throw <see cref="KubeApiException"/>.
/// </summary>
public sealed class KubeObjects
{
    private readonly ResourceOperations operations;
    private readonly ResourceCatalog catalog;

    internal KubeObjects(ResourceOperations operations, ResourceCatalog catalog)
    {
        this.operations = operations;
        this.catalog = catalog;
    }

    /// <summary>The newest resourceVersion across all kinds.</summary>
    public long ResourceVersion => operations.Snapshot.ResourceVersion;

    /// <summary>The object, or null when it does not exist.</summary>
    public JsonObject? Get(string resource, string? ns, string name) =>
        operations.Snapshot.Get(catalog.Require(resource), ns, name)?.ToJsonObject();

    /// <summary>Objects of a kind (in one namespace when given), optionally filtered by selectors.</summary>
    public IReadOnlyList<JsonObject> List(string resource, string? ns = null, string? labelSelector = null, string? fieldSelector = null)
    {
        var labels = LabelSelector.Parse(labelSelector);
        var fields = FieldSelector.Parse(fieldSelector);
        return [.. operations.Snapshot.List(catalog.Require(resource), ns)
            .Where(o => labels.Matches(o.Labels) && fields.Matches(o.Fields))
            .Select(o => o.ToJsonObject())];
    }

    /// <summary>Creates an object; the kind comes from its apiVersion and kind, the namespace from its metadata (or default).</summary>
    public JsonObject Create(JsonObject obj)
    {
        var type = TypeOf(obj);
        return operations.Create(type, (string?)obj["metadata"]?["namespace"], (JsonObject)obj.DeepClone(), WriteOptions.Default).ToJsonObject();
    }

    /// <summary>Replaces an object (PUT semantics: a stale metadata.resourceVersion is a 409); <c>status</c> for the subresource.</summary>
    public JsonObject Update(JsonObject obj, string? subresource = null)
    {
        var type = TypeOf(obj);
        var name = (string?)obj["metadata"]?["name"] ?? throw new ArgumentException("the object has no metadata.name", nameof(obj));
        return operations.Update(type, (string?)obj["metadata"]?["namespace"], name, (JsonObject)obj.DeepClone(), subresource, WriteOptions.Default)
            .Object.ToJsonObject();
    }

    /// <summary>Patches an object (server-side apply creates it when absent).</summary>
    public JsonObject Patch(string resource, string? ns, string name, KubePatchType type, string patch, string? subresource = null) =>
        operations.Patch(catalog.Require(resource), ns, name, ToPatchType(type), patch, subresource,
            new WriteOptions { FieldManager = type == KubePatchType.Apply ? "in-process" : null }).Object.ToJsonObject();

    /// <summary>Patches an object with a JSON document.</summary>
    public JsonObject Patch(string resource, string? ns, string name, KubePatchType type, JsonNode patch, string? subresource = null) =>
        Patch(resource, ns, name, type, patch.ToJsonString(), subresource);

    /// <summary>
    /// Deletes an object. Returns its final state; when finalizers hold it, the object stays, marked with a
    /// deletionTimestamp, and goes when the last finalizer is removed.
    /// </summary>
    public JsonObject Delete(string resource, string? ns, string name) =>
        operations.Delete(catalog.Require(resource), ns, name, DeleteOptions.Default).Object.ToJsonObject();

    private ResourceType TypeOf(JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"] ?? throw new ArgumentException("the object has no apiVersion", nameof(obj));
        var kind = (string?)obj["kind"] ?? throw new ArgumentException("the object has no kind", nameof(obj));
        return catalog.FindByKind(apiVersion, kind) ?? throw new ArgumentException($"the emulator serves no {apiVersion} {kind}", nameof(obj));
    }

    private static PatchType ToPatchType(KubePatchType type) => type switch
    {
        KubePatchType.Json => PatchType.JsonPatch,
        KubePatchType.Merge => PatchType.MergePatch,
        KubePatchType.StrategicMerge => PatchType.StrategicMergePatch,
        _ => PatchType.Apply,
    };
}
