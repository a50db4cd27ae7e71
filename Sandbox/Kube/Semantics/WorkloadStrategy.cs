using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Selectors;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// Deployments, StatefulSets, ReplicaSets, DaemonSets (apps/v1): a selector is required, must select the pod
/// template's labels and is immutable; replicas default to 1 and a Deployment gets its default rollout strategy.
/// </summary>
internal sealed class WorkloadStrategy : DefaultStrategy
{
    public override void PrepareForCreate(AdmissionContext context, JsonObject obj)
    {
        ApplyDefaults(context.Type, obj);
        Validate(context.Type, obj, old: null);
    }

    public override void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old)
    {
        ApplyDefaults(context.Type, obj);
        Validate(context.Type, obj, old);
    }

    /// <summary>The workload's selector as a label selector (matchLabels and matchExpressions).</summary>
    public static LabelSelector? Selector(JsonObject workload) =>
        workload["spec"]?["selector"] is JsonObject selector ? LabelSelectors.FromJson(selector) : null;

    private static void ApplyDefaults(ResourceType type, JsonObject obj)
    {
        var spec = Meta.Child(obj, "spec");
        if (type.Kind != "DaemonSet")
        {
            spec["replicas"] ??= 1;
        }

        spec["revisionHistoryLimit"] ??= 10;
        if (type.Kind == "Deployment")
        {
            spec["progressDeadlineSeconds"] ??= 600;
            spec["strategy"] ??= new JsonObject
            {
                ["type"] = "RollingUpdate",
                ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
            };
        }

        if (spec["template"]?["spec"] is JsonObject podSpec)
        {
            podSpec["restartPolicy"] ??= "Always";
            podSpec["terminationGracePeriodSeconds"] ??= 30;
            podSpec["dnsPolicy"] ??= "ClusterFirst";
            podSpec["schedulerName"] ??= "default-scheduler";
        }
    }

    private static void Validate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var errors = new FieldErrors();
        var spec = obj["spec"] as JsonObject;
        var selectorNode = spec?["selector"];
        if (selectorNode is not JsonObject selectorObject || selectorObject.Count == 0)
        {
            errors.Required("spec.selector");
        }
        else if (old is not null && !JsonNode.DeepEquals(selectorNode, old["spec"]?["selector"]))
        {
            errors.Invalid("spec.selector", selectorNode, "field is immutable");
        }
        else
        {
            var templateLabels = spec?["template"]?["metadata"]?["labels"] as JsonObject;
            var labels = templateLabels?.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal) ?? [];
            if (!LabelSelectors.FromJson(selectorObject).Matches(labels))
            {
                errors.Invalid("spec.template.metadata.labels", templateLabels, "`selector` does not match template `labels`");
            }
        }

        if (spec?["template"]?["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            errors.Required("spec.template.spec.containers");
        }

        if (spec?["replicas"] is JsonNode replicas && Meta.Long(replicas, -1) < 0)
        {
            errors.Invalid("spec.replicas", replicas, "must be greater than or equal to 0");
        }

        errors.ThrowIfAny(type, Meta.Name(obj));
    }
}
