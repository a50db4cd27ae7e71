using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Patch;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// The verbs of the API (get, create, update, patch, delete, deletecollection), each one transaction on the store.
/// The HTTP layer and the in-process API both call these, so a test that writes in-process sees exactly the rules a
/// client sees over HTTP.
/// </summary>
internal sealed class ResourceOperations(ObjectStore store, ObjectWriter writer)
{
    public StoreSnapshot Snapshot => store.Snapshot;

    public StoredObject Get(ResourceType type, string? ns, string name) =>
        store.Snapshot.Get(type, ns, name) ?? throw KubeApiException.NotFound(type, name);

    public StoredObject Create(ResourceType type, string? ns, JsonObject body, WriteOptions options)
    {
        EnsureKind(type, body);
        ns = ResolveNamespace(type, ns, body);
        return store.Write(tx => writer.Create(tx, type, ns, body), options.DryRun);
    }

    public WriteResult Update(ResourceType type, string? ns, string name, JsonObject body, string? subresource, WriteOptions options)
    {
        EnsureKind(type, body, subresource);
        return store.Write(tx =>
        {
            var current = tx.Snapshot.Get(type, ns, name) ?? throw KubeApiException.NotFound(type, name);
            var desired = subresource == "scale" ? ScaleSubresource.Apply(current, body) : body;
            return writer.Update(tx, type, current, desired, subresource == "scale" ? null : subresource);
        }, options.DryRun);
    }

    public WriteResult Patch(ResourceType type, string? ns, string name, PatchType patchType, string body, string? subresource, WriteOptions options)
    {
        var patch = ParsePatch(patchType, body);
        if (patchType == PatchType.Apply && string.IsNullOrEmpty(options.FieldManager))
        {
            throw KubeApiException.BadRequest("PATCH with content type application/apply-patch+yaml requires a fieldManager query parameter");
        }

        return store.Write(tx =>
        {
            var current = tx.Snapshot.Get(type, ns, name);
            if (current is null)
            {
                return patchType == PatchType.Apply && subresource is null
                    ? new WriteResult(writer.Create(tx, type, ns, ApplyBodyForCreate(type, ns, name, patch)), Created: true)
                    : throw KubeApiException.NotFound(type, name);
            }

            try
            {
                if (subresource == "scale")
                {
                    var scale = PatchApplier.Apply(patchType, patch, ScaleSubresource.ToScale(current), type);
                    return writer.Update(tx, type, current, ScaleSubresource.Apply(current, scale), null);
                }

                if (patchType == PatchType.Apply)
                {
                    EnsureKind(type, (JsonObject)patch!);
                }

                var patched = PatchApplier.Apply(patchType, patch, current.ToJsonObject(), type);
                return writer.Update(tx, type, current, patched, subresource);
            }
            catch (PatchException e)
            {
                throw e.Malformed ? KubeApiException.BadRequest(e.Message) : KubeApiException.Unprocessable(e.Message);
            }
        }, options.DryRun);
    }

    public WriteResult Delete(ResourceType type, string? ns, string name, DeleteOptions options) =>
        store.Write(tx =>
        {
            var current = tx.Snapshot.Get(type, ns, name) ?? throw KubeApiException.NotFound(type, name);
            return writer.Delete(tx, type, current, options);
        }, options.DryRun);

    /// <summary>Deletes every matching object in one transaction; returns their states after the call.</summary>
    public IReadOnlyList<StoredObject> DeleteCollection(ResourceType type, string? ns, Func<StoredObject, bool> matches, DeleteOptions options) =>
        store.Write(tx => tx.Snapshot.List(type, ns).Where(matches).ToList()
            .Select(current => writer.Delete(tx, type, current, options).Object)
            .ToList(), options.DryRun);

    private static JsonNode? ParsePatch(PatchType patchType, string body)
    {
        try
        {
            return PatchApplier.Parse(patchType, body);
        }
        catch (PatchException e)
        {
            throw KubeApiException.BadRequest(e.Message);
        }
    }

    private static JsonObject ApplyBodyForCreate(ResourceType type, string? ns, string name, JsonNode? patch)
    {
        if (patch is not JsonObject obj)
        {
            throw KubeApiException.BadRequest("the applied configuration must be an object");
        }

        EnsureKind(type, obj);
        var metadata = Meta.Metadata(obj);
        if (Meta.String(metadata, "name") is { Length: > 0 } bodyName && bodyName != name)
        {
            throw KubeApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        metadata["name"] = name;
        ResolveNamespace(type, ns, obj);
        return obj;
    }

    private static void EnsureKind(ResourceType type, JsonObject body, string? subresource = null)
    {
        var (kind, apiVersion) = subresource == "scale" ? ("Scale", "autoscaling/v1") : (type.Kind, type.ApiVersion);
        if (Meta.String(body, "apiVersion") is { Length: > 0 } bodyVersion && bodyVersion != apiVersion)
        {
            throw KubeApiException.BadRequest($"the API version in the data ({bodyVersion}) does not match the expected API version ({apiVersion})");
        }

        if (Meta.String(body, "kind") is { Length: > 0 } bodyKind && bodyKind != kind)
        {
            throw KubeApiException.BadRequest($"the kind in the data ({bodyKind}) does not match the expected kind ({kind})");
        }
    }

    private static string? ResolveNamespace(ResourceType type, string? ns, JsonObject body)
    {
        if (!type.Namespaced)
        {
            return null;
        }

        var bodyNs = Meta.String(body["metadata"], "namespace");
        if (!string.IsNullOrEmpty(bodyNs) && !string.IsNullOrEmpty(ns) && bodyNs != ns)
        {
            throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        return string.IsNullOrEmpty(ns) ? bodyNs ?? "default" : ns;
    }
}
