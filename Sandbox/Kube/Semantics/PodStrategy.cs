using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>A new pod starts Pending; the scheduler (stand-in) binds it and the "kubelet" reports it Running.</summary>
internal sealed class PodStrategy : DefaultStrategy
{
    public override void PrepareForCreate(AdmissionContext context, JsonObject obj)
    {
        var errors = new FieldErrors();
        if (obj["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            errors.Required("spec.containers");
        }

        errors.ThrowIfAny(context.Type, Meta.Name(obj));
        obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
    }

    public override void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old)
    {
        // spec.nodeName is set once (by binding); the rest of a pod spec is immutable apart from images.
        var oldNode = Meta.String(old["spec"], "nodeName");
        var newNode = Meta.String(obj["spec"], "nodeName");
        if (oldNode is not null && newNode != oldNode)
        {
            var errors = new FieldErrors();
            errors.Forbidden("spec.nodeName", "pod updates may not change fields other than `spec.containers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds`");
            errors.ThrowIfAny(context.Type, Meta.Name(obj));
        }
    }
}
