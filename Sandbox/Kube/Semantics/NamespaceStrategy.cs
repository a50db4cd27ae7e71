using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// Namespaces carry the <c>kubernetes</c> entry in <c>spec.finalizers</c>: deleting one only marks it Terminating; the
/// namespace controller (the stand-in) deletes its content and then clears that entry, which removes it.
/// </summary>
internal sealed class NamespaceStrategy : DefaultStrategy
{
    public const string KubernetesFinalizer = "kubernetes";

    public override string? CheckName(string name) => NameRules.CheckLabel1123(name);

    public override void PrepareForCreate(AdmissionContext context, JsonObject obj)
    {
        Meta.Child(obj, "spec")["finalizers"] = new JsonArray(KubernetesFinalizer);
        obj["status"] = new JsonObject { ["phase"] = "Active" };
        var labels = Meta.Child(Meta.Metadata(obj), "labels");
        labels["kubernetes.io/metadata.name"] = Meta.Name(obj);
    }

    public override void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old)
    {
        // spec.finalizers only changes through the finalize subresource.
        Meta.Child(obj, "spec")["finalizers"] = old["spec"]?["finalizers"]?.DeepClone();
        Meta.Child(Meta.Metadata(obj), "labels")["kubernetes.io/metadata.name"] = Meta.Name(obj);
    }

    public override void PrepareForDelete(AdmissionContext context, JsonObject obj) =>
        Meta.Child(obj, "status")["phase"] = "Terminating";

    public override bool ReadyToRemove(JsonObject obj) =>
        base.ReadyToRemove(obj) && (obj["spec"]?["finalizers"] is not JsonArray spec || spec.Count == 0);
}
