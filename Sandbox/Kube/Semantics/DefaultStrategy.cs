using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>The rules every kind shares; kinds with more to say derive from it.</summary>
internal class DefaultStrategy : IResourceStrategy
{
    public virtual bool ResetsStatusOnCreate => true;

    public virtual string? CheckName(string name) => NameRules.CheckSubdomain(name);

    public virtual void PrepareForCreate(AdmissionContext context, JsonObject obj)
    {
    }

    public virtual void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old)
    {
    }

    public virtual void PrepareForDelete(AdmissionContext context, JsonObject obj)
    {
    }

    public virtual bool ReadyToRemove(JsonObject obj) => Meta.Finalizers(obj).Count == 0;

    public virtual void OnRemoved(AdmissionContext context, JsonObject obj)
    {
    }
}

/// <summary>RBAC objects are named like <c>system:controller:node-controller</c>.</summary>
internal sealed class RbacStrategy : DefaultStrategy
{
    public override string? CheckName(string name) => NameRules.CheckPathSegment(name);
}

/// <summary>Nodes register with their status (the kubelet creates them that way), so a create keeps it.</summary>
internal sealed class NodeStrategy : DefaultStrategy
{
    public override bool ResetsStatusOnCreate => false;
}
