using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// Empties a Terminating namespace (deletes everything in it) and, once nothing is left (objects held by finalizers
/// keep it waiting), clears the <c>kubernetes</c> entry of its spec.finalizers, which removes it.
/// </summary>
internal sealed class NamespaceController(ControllerApi api) : IController
{
    public string Name => "namespace";

    public IEnumerable<string> KeysFor(StoreEvent e)
    {
        if (ReferenceEquals(e.Object.Type, api.Namespaces))
        {
            return e.Object.Terminating && e.Type != StoreEventType.Deleted ? [e.Object.Name] : [];
        }

        return e.Type == StoreEventType.Deleted && e.Object.Namespace.Length > 0
            && api.Snapshot.Get(api.Namespaces, null, e.Object.Namespace) is { Terminating: true }
            ? [e.Object.Namespace]
            : [];
    }

    public IEnumerable<string> Resync(StoreSnapshot snapshot) =>
        snapshot.List(api.Namespaces).Where(n => n.Terminating).Select(n => n.Name);

    public void Reconcile(string key)
    {
        if (api.Snapshot.Get(api.Namespaces, null, key) is not { Terminating: true })
        {
            return;
        }

        foreach (var obj in Contents(api.Snapshot, key).Where(o => !o.Terminating))
        {
            api.Delete(obj.Type, key, obj.Name);
        }

        var snapshot = api.Snapshot;
        if (Contents(snapshot, key).Any() || snapshot.Get(api.Namespaces, null, key) is not { } ns)
        {
            return; // finalizers hold something; its deletion brings the namespace back here
        }

        var finalized = ns.ToJsonObject();
        var remaining = (finalized["spec"]?["finalizers"] as JsonArray)?.Select(f => (string?)f).Where(f => f != NamespaceStrategy.KubernetesFinalizer).ToList() ?? [];
        Meta.Child(finalized, "spec")["finalizers"] = new JsonArray([.. remaining.Select(f => (JsonNode?)f)]);
        api.Update(api.Namespaces, ns, finalized, "finalize");
    }

    private static IEnumerable<StoredObject> Contents(StoreSnapshot snapshot, string ns) =>
        snapshot.Collections.Keys.Where(t => t.Namespaced).SelectMany(t => snapshot.List(t, ns));
}
