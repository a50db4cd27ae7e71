using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>The <c>scale</c> subresource (autoscaling/v1 Scale) of workloads: a view on spec.replicas.</summary>
internal static class ScaleSubresource
{
    public static JsonObject ToScale(StoredObject workload)
    {
        var obj = workload.ToJsonObject();
        var metadata = obj["metadata"]!.AsObject();
        var selector = obj["spec"]?["selector"] is JsonObject s ? Selectors.LabelSelectors.FromJson(s).ToString() : "";
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = Meta.Long(obj["spec"]?["replicas"], 1) },
            ["status"] = new JsonObject { ["replicas"] = Meta.Long(obj["status"]?["replicas"], 0), ["selector"] = selector },
        };
    }

    /// <summary>The workload with the Scale's replicas (and its resourceVersion, for the conflict check).</summary>
    public static JsonObject Apply(StoredObject workload, JsonObject scale)
    {
        var obj = workload.ToJsonObject();
        if (scale["spec"]?["replicas"] is not JsonNode replicas)
        {
            throw KubeApiException.Unprocessable("Scale.spec.replicas: Required value");
        }

        Meta.Child(obj, "spec")["replicas"] = replicas.DeepClone();
        if (Meta.ResourceVersion(scale) is { Length: > 0 } rv)
        {
            Meta.Metadata(obj)["resourceVersion"] = rv;
        }

        return obj;
    }
}
