using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// Keeps each Deployment's pods at its replica count and its status in step with them. The stand-in owns pods directly
/// (upstream puts a ReplicaSet in between); pods carry the template's labels plus <c>pod-template-hash</c> and an
/// owner reference to the Deployment, so the garbage collector removes them with it.
/// </summary>
internal sealed class DeploymentController(ControllerApi api) : IController
{
    public const string TemplateHashLabel = "pod-template-hash";

    private readonly Dictionary<string, string> deploymentsByUid = new(StringComparer.Ordinal);

    public string Name => "deployment";

    public IEnumerable<string> KeysFor(StoreEvent e)
    {
        if (ReferenceEquals(e.Object.Type, api.Deployments))
        {
            Index(e.Object, e.Type == StoreEventType.Deleted);
            return [e.Object.Key];
        }

        return ReferenceEquals(e.Object.Type, api.Pods)
            ? e.Object.OwnerUids.Select(uid => deploymentsByUid.GetValueOrDefault(uid)).OfType<string>()
            : [];
    }

    public IEnumerable<string> Resync(StoreSnapshot snapshot)
    {
        deploymentsByUid.Clear();
        var deployments = snapshot.List(api.Deployments).ToList();
        deployments.ForEach(d => Index(d, removed: false));
        return deployments.Select(d => d.Key);
    }

    public void Reconcile(string key)
    {
        var (ns, name) = ControllerApi.Split(key);
        var snapshot = api.Snapshot;
        var stored = snapshot.Get(api.Deployments, ns, name);
        if (stored is null || stored.Terminating)
        {
            return; // the garbage collector removes the pods
        }

        var deployment = stored.ToJsonObject();
        var replicas = (int)Meta.Long(deployment["spec"]?["replicas"], 1);
        var template = deployment["spec"]?["template"] as JsonObject ?? [];
        var hash = TemplateHash.Of(template);
        var pods = snapshot.List(api.Pods, ns).Where(p => p.OwnerUids.Contains(stored.Uid) && !p.Terminating).ToList();
        var views = pods.Select(p => new ReplicaPod(p.Name, p.Labels.GetValueOrDefault(TemplateHashLabel, ""),
            p.Fields.GetValueOrDefault("spec.nodeName", "").Length > 0, PodConditions.IsReady(p.ToJsonObject()))).ToList();

        var plan = ReplicaPlanner.Plan(replicas, hash, views);
        foreach (var pod in plan.Delete)
        {
            api.Delete(api.Pods, ns, pod);
        }

        for (var i = 0; i < plan.Create; i++)
        {
            api.Create(api.Pods, ns, NewPod(stored, template, hash));
        }

        var current = views.Where(v => v.TemplateHash == hash && !plan.Delete.Contains(v.Name)).ToList();
        var status = DeploymentStatus.Build(deployment, replicas, current.Count, current.Count(v => v.Ready), api.Now);
        if (!JsonNode.DeepEquals(status, deployment["status"]))
        {
            deployment["status"] = status;
            api.Update(api.Deployments, stored, deployment, "status");
        }
    }

    private void Index(StoredObject deployment, bool removed)
    {
        if (removed)
        {
            deploymentsByUid.Remove(deployment.Uid);
        }
        else
        {
            deploymentsByUid[deployment.Uid] = deployment.Key;
        }
    }

    private static JsonObject NewPod(StoredObject deployment, JsonObject template, string hash)
    {
        var metadata = template["metadata"]?.DeepClone() as JsonObject ?? [];
        Meta.Child(metadata, "labels")[TemplateHashLabel] = hash;
        metadata["generateName"] = $"{deployment.Name}-{hash}-";
        metadata.Remove("name");
        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["name"] = deployment.Name,
            ["uid"] = deployment.Uid,
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
