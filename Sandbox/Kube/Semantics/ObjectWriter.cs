using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// The generic write rules, inside one transaction: metadata that only the server sets (uid, creationTimestamp,
/// generation, resourceVersion, deletionTimestamp), names, labels, optimistic concurrency, the status subresource's
/// separation, finalizers, no-op detection, and the kind's strategy. Requests and the controllers stand-in both write
/// through here, so they obey the same rules.
/// </summary>
internal sealed class ObjectWriter(StrategyRegistry strategies, TimeProvider clock, ResourceType namespaces)
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public StoredObject Create(StoreTransaction tx, ResourceType type, string? ns, JsonObject obj)
    {
        var strategy = strategies.For(type);
        var metadata = Meta.Metadata(obj);
        obj["kind"] = type.Kind;
        obj["apiVersion"] = type.ApiVersion;
        if (type.Namespaced)
        {
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        var name = Meta.String(metadata, "name") ?? "";
        if (name.Length == 0)
        {
            name = GenerateName(tx, type, ns, Meta.String(metadata, "generateName"));
            metadata["name"] = name;
        }

        CheckNameAndLabels(type, strategy, obj, name);
        if (type.Namespaced)
        {
            EnsureNamespaceAcceptsContent(tx, type, ns!, name);
        }

        if (tx.Snapshot.Get(type, ns, name) is not null)
        {
            throw KubeApiException.AlreadyExists(type, name);
        }

        if (!string.IsNullOrEmpty(Meta.String(metadata, "resourceVersion")))
        {
            throw KubeApiException.BadRequest("resourceVersion should not be set on objects to be created");
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Meta.Timestamp(clock);
        metadata["generation"] = 1;
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (type.HasStatus && strategy.ResetsStatusOnCreate)
        {
            obj.Remove("status");
        }

        strategy.PrepareForCreate(new AdmissionContext(tx, type, clock), obj);
        return tx.Put(type, obj);
    }

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="desired"/> (a PUT body or a patch result). With
    /// <paramref name="subresource"/> <c>status</c> only the status is taken; otherwise the status is kept.
    /// </summary>
    public WriteResult Update(StoreTransaction tx, ResourceType type, StoredObject current, JsonObject desired, string? subresource)
    {
        var name = current.Name;
        var desiredMeta = Meta.Metadata(desired);
        if (Meta.String(desiredMeta, "name") is { Length: > 0 } bodyName && bodyName != name)
        {
            throw KubeApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        if (type.Namespaced && Meta.String(desiredMeta, "namespace") is { Length: > 0 } bodyNs && bodyNs != current.Namespace)
        {
            throw KubeApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (Meta.String(desiredMeta, "resourceVersion") is { Length: > 0 } rv && rv != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw KubeApiException.StaleResourceVersion(type, name);
        }

        var strategy = strategies.For(type);
        var old = current.ToJsonObject();
        var updated = subresource switch
        {
            "status" => WithStatusOf(old, desired),
            "finalize" => WithSpecFinalizersOf(old, desired),
            _ => WithServerFieldsOf(type, old, desired),
        };

        if (subresource is null)
        {
            CheckNameAndLabels(type, strategy, updated, name);
            CheckNoNewFinalizersWhileDeleting(type, old, updated);
            strategy.PrepareForUpdate(new AdmissionContext(tx, type, clock), updated, old);
            if (!Meta.SpecEquals(old, updated))
            {
                Meta.Metadata(updated)["generation"] = Meta.Long(old["metadata"]?["generation"], 1) + 1;
            }
        }

        if (JsonNode.DeepEquals(updated, old))
        {
            return new WriteResult(current); // a no-op write commits nothing and keeps the resourceVersion
        }

        return Meta.IsTerminating(updated) && strategy.ReadyToRemove(updated)
            ? new WriteResult(Remove(tx, type, current, updated), Removed: true)
            : new WriteResult(tx.Put(type, updated));
    }

    public WriteResult Delete(StoreTransaction tx, ResourceType type, StoredObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw KubeApiException.Conflict(type, current.Name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
        }

        var currentRv = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != currentRv)
        {
            throw KubeApiException.Conflict(type, current.Name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {currentRv}");
        }

        var strategy = strategies.For(type);
        var obj = current.ToJsonObject();
        if (strategy.ReadyToRemove(obj))
        {
            return new WriteResult(Remove(tx, type, current, obj), Removed: true);
        }

        if (Meta.IsTerminating(obj))
        {
            return new WriteResult(current);
        }

        // Finalizers hold the object: it is only marked, and goes when the last finalizer is removed.
        var metadata = Meta.Metadata(obj);
        metadata["deletionTimestamp"] = Meta.Timestamp(clock);
        metadata["deletionGracePeriodSeconds"] = 0;
        metadata["generation"] = Meta.Long(metadata["generation"], 1) + 1;
        strategy.PrepareForDelete(new AdmissionContext(tx, type, clock), obj);
        return new WriteResult(tx.Put(type, obj));
    }

    private StoredObject Remove(StoreTransaction tx, ResourceType type, StoredObject current, JsonObject finalState)
    {
        strategies.For(type).OnRemoved(new AdmissionContext(tx, type, clock), finalState);
        return tx.Remove(type, current, finalState);
    }

    private static JsonObject WithStatusOf(JsonObject old, JsonObject desired)
    {
        var updated = (JsonObject)old.DeepClone();
        updated["status"] = desired["status"]?.DeepClone();
        return updated;
    }

    private static JsonObject WithSpecFinalizersOf(JsonObject old, JsonObject desired)
    {
        var updated = (JsonObject)old.DeepClone();
        Meta.Child(updated, "spec")["finalizers"] = desired["spec"]?["finalizers"]?.DeepClone() ?? new JsonArray();
        return updated;
    }

    /// <summary>The desired object with what clients may not change copied back from the live one.</summary>
    private static JsonObject WithServerFieldsOf(ResourceType type, JsonObject old, JsonObject desired)
    {
        var updated = (JsonObject)desired.DeepClone();
        updated["kind"] = type.Kind;
        updated["apiVersion"] = type.ApiVersion;
        var metadata = Meta.Metadata(updated);
        var oldMetadata = Meta.Metadata(old);
        foreach (var field in (string[])["name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion"])
        {
            metadata[field] = oldMetadata[field]?.DeepClone();
            if (metadata[field] is null)
            {
                metadata.Remove(field);
            }
        }

        if (type.HasStatus)
        {
            updated["status"] = old["status"]?.DeepClone();
            if (updated["status"] is null)
            {
                updated.Remove("status");
            }
        }

        return updated;
    }

    private static void CheckNoNewFinalizersWhileDeleting(ResourceType type, JsonObject old, JsonObject updated)
    {
        if (!Meta.IsTerminating(old))
        {
            return;
        }

        var added = Meta.Finalizers(updated).Except(Meta.Finalizers(old)).ToList();
        if (added.Count > 0)
        {
            var errors = new FieldErrors();
            errors.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers [{string.Join(" ", added)}]");
            errors.ThrowIfAny(type, Meta.Name(old));
        }
    }

    private static void CheckNameAndLabels(ResourceType type, IResourceStrategy strategy, JsonObject obj, string name)
    {
        var errors = new FieldErrors();
        if (strategy.CheckName(name) is { } nameError)
        {
            errors.Invalid("metadata.name", JsonValue.Create(name), nameError);
        }

        foreach (var (kind, map) in new[] { ("labels", obj["metadata"]?["labels"]), ("annotations", obj["metadata"]?["annotations"]) })
        {
            if (map is not JsonObject entries)
            {
                continue;
            }

            foreach (var (key, value) in entries)
            {
                if (NameRules.CheckLabelKey(key) is { } keyError)
                {
                    errors.Invalid($"metadata.{kind}", JsonValue.Create(key), keyError);
                }

                if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
                {
                    errors.Invalid($"metadata.{kind}[{key}]", value, "must be a string");
                }
                else if (kind == "labels" && NameRules.CheckLabelValue(text) is { } valueError)
                {
                    errors.Invalid($"metadata.labels", value, valueError);
                }
            }
        }

        errors.ThrowIfAny(type, name);
    }

    private void EnsureNamespaceAcceptsContent(StoreTransaction tx, ResourceType type, string ns, string name)
    {
        var found = tx.Snapshot.Get(namespaces, null, ns) ?? throw KubeApiException.NotFound(namespaces, ns);
        if (found.Terminating)
        {
            throw KubeApiException.Forbidden(type, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    private static string GenerateName(StoreTransaction tx, ResourceType type, string? ns, string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            throw KubeApiException.Invalid(type, "", [new KubeStatusCause("FieldValueRequired", "metadata.name: Required value: name or generateName is required", "metadata.name")]);
        }

        // Upstream appends five random characters and lets the create fail on a (rare) collision; retrying is kinder.
        for (var attempt = 0; ; attempt++)
        {
            var suffix = string.Create(5, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)];
                }
            });
            var name = prefix.Length > 58 ? prefix[..58] + suffix : prefix + suffix;
            if (tx.Snapshot.Get(type, ns, name) is null || attempt > 16)
            {
                return name;
            }
        }
    }
}
