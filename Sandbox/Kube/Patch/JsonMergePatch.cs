using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Patch;

/// <summary>RFC 7386 JSON merge patch: objects merge recursively, <c>null</c> deletes, anything else (lists too) replaces.</summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Apply(result[key], value);
                if (!ReferenceEquals(merged, result[key]))
                {
                    result[key] = merged;
                }
            }
        }

        return result;
    }
}
