using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>
/// Strategic merge patch, server side (k8s.io/apimachinery/pkg/util/strategicpatch): maps merge recursively, lists
/// follow the field's patch strategy (<see cref="PatchSchemas"/>), <c>null</c> deletes, and the directives kubectl
/// sends are honoured: <c>$patch: replace|delete|merge</c> on maps and list elements, <c>$retainKeys</c>,
/// <c>$setElementOrder/&lt;list&gt;</c> and <c>$deleteFromPrimitiveList/&lt;list&gt;</c>. Directives never reach
/// the stored object.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    /// <summary>Applies <paramref name="patch"/> to <paramref name="original"/> (which it mutates and returns).</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, PatchSchema schema) =>
        MergeMap(original, patch, schema) ?? throw new PatchException("the patch deleted the whole object");

    /// <summary>Returns the merged map, or null when the patch says <c>$patch: delete</c>.</summary>
    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, PatchSchema schema)
    {
        switch ((string?)patch[PatchDirective])
        {
            case "delete":
                return null;
            case "replace":
                return StripDirectives(patch);
            case null or "merge":
                break;
            default:
                throw new PatchException($"unknown patch type: {patch[PatchDirective]}", malformed: true);
        }

        if (patch[RetainKeysDirective] is JsonArray retain)
        {
            var keep = retain.Select(k => (string?)k).ToHashSet(StringComparer.Ordinal);
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        foreach (var (key, value) in patch.Where(p => p.Key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal)))
        {
            if (original[key[DeleteFromPrimitiveListPrefix.Length..]] is JsonArray list && value is JsonArray remove)
            {
                foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(i, r))).ToList())
                {
                    list.Remove(item);
                }
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                original.Remove(key);
                continue;
            }

            var field = schema.Field(key);
            var merged = value switch
            {
                JsonObject map => MergeMap(original[key] as JsonObject ?? new JsonObject(), map, field.Schema),
                JsonArray list => MergeList(original[key] as JsonArray, list, field),
                _ => value.DeepClone(),
            };

            if (merged is null)
            {
                original.Remove(key);
            }
            else if (!ReferenceEquals(merged, original[key]))
            {
                original[key] = merged;
            }
        }

        foreach (var (key, value) in patch.Where(p => p.Key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)))
        {
            var name = key[SetElementOrderPrefix.Length..];
            if (original[name] is JsonArray list && value is JsonArray order)
            {
                original[name] = Reorder(list, order, schema.Field(name));
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, PatchField field)
    {
        var replaceAll = patch.Any(e => e is JsonObject o && (string?)o[PatchDirective] == "replace");
        if (original is null || replaceAll || field.List == ListStrategy.Replace)
        {
            return new JsonArray([.. patch
                .Where(e => !(e is JsonObject o && o.ContainsKey(PatchDirective) && o.Count == 1))
                .Select(e => e is JsonObject o ? StripDirectives(o) : e?.DeepClone())]);
        }

        if (field.List == ListStrategy.MergeSet)
        {
            foreach (var item in patch.Where(p => !original.Any(o => JsonNode.DeepEquals(o, p))))
            {
                original.Add(item?.DeepClone());
            }

            return original;
        }

        foreach (var element in patch)
        {
            if (element is not JsonObject patchElement)
            {
                throw new PatchException($"a list merged by {KeyNames(field)} needs objects, got {element?.ToJsonString() ?? "null"}");
            }

            var match = FindByKey(original, patchElement, field);
            if ((string?)patchElement[PatchDirective] == "delete")
            {
                if (match >= 0)
                {
                    original.RemoveAt(match);
                }

                continue;
            }

            if (match >= 0)
            {
                var merged = MergeMap((JsonObject)original[match]!, patchElement, field.Schema);
                if (merged is null)
                {
                    original.RemoveAt(match);
                }
                else if (!ReferenceEquals(merged, original[match]))
                {
                    original[match] = merged;
                }
            }
            else if (MergeMap(new JsonObject(), patchElement, field.Schema) is { } added)
            {
                original.Add(added);
            }
        }

        return original;
    }

    private static int FindByKey(JsonArray list, JsonObject element, PatchField field)
    {
        if (element[field.Keys[0].Name] is null)
        {
            throw new PatchException($"map: {element.ToJsonString()} does not contain declared merge key: {field.Keys[0].Name}");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject candidate && field.Keys.All(k => JsonNode.DeepEquals(KeyValue(candidate, k), KeyValue(element, k))))
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonNode? KeyValue(JsonObject element, MergeKey key) =>
        element[key.Name] ?? (key.Default is null ? null : JsonValue.Create(key.Default));

    /// <summary>
    /// <c>$setElementOrder</c>: elements named in the order list come first, in that order; the live list's others
    /// follow in their existing order.
    /// </summary>
    private static JsonArray Reorder(JsonArray list, JsonArray order, PatchField field)
    {
        var items = list.ToList();
        list.Clear();
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var index = items.FindIndex(item => field.List == ListStrategy.MergeByKey && wanted is JsonObject w && item is JsonObject o
                ? field.Keys.Where(k => w.ContainsKey(k.Name)).All(k => JsonNode.DeepEquals(KeyValue(o, k), KeyValue(w, k)))
                : JsonNode.DeepEquals(item, wanted));
            if (index >= 0)
            {
                ordered.Add(items[index]);
                items.RemoveAt(index);
            }
        }

        return new JsonArray([.. ordered, .. items]);
    }

    /// <summary>A deep copy of a patch fragment with every <c>$</c> directive removed.</summary>
    private static JsonObject StripDirectives(JsonObject patch)
    {
        var result = new JsonObject();
        foreach (var (key, value) in patch.Where(p => !p.Key.StartsWith('$')))
        {
            result[key] = value switch
            {
                JsonObject o => StripDirectives(o),
                JsonArray a => new JsonArray([.. a.Select(e => e is JsonObject o ? StripDirectives(o) : e?.DeepClone())]),
                _ => value?.DeepClone(),
            };
        }

        return result;
    }

    private static string KeyNames(PatchField field) => string.Join("+", field.Keys.Select(k => k.Name));
}
