using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Semantics;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// The scheduler and the kubelets, reduced to what manifests need: an unbound pod goes round-robin to a node that is
/// schedulable (not cordoned, Ready, not being deleted) and not a virtual-kubelet node; once bound, the node's
/// "kubelet" gives it an IP from the node's pod CIDR and reports it Running and Ready. Taints are not considered:
/// the demo nodes keep the uninitialized taint until a CCM removes it, yet a user's Deployment should run before.
/// An owned pod whose node is gone is deleted (its controller replaces it elsewhere).
/// </summary>
internal sealed class PodScheduler(ControllerApi api) : IController
{
    private const string DefaultScheduler = "default-scheduler";
    private int nextNode;

    public string Name => "scheduler";

    public IEnumerable<string> KeysFor(StoreEvent e)
    {
        if (ReferenceEquals(e.Object.Type, api.Pods))
        {
            return e.Type == StoreEventType.Deleted ? [] : [e.Object.Key];
        }

        // A node coming, going or changing affects the pods bound to it and, if it may now take pods, the pending ones.
        return ReferenceEquals(e.Object.Type, api.Nodes)
            ? api.Snapshot.List(api.Pods)
                .Where(p => p.Fields["spec.nodeName"] is var node && (node == e.Object.Name || node.Length == 0))
                .Select(p => p.Key)
            : [];
    }

    public IEnumerable<string> Resync(StoreSnapshot snapshot) => snapshot.List(api.Pods).Select(p => p.Key);

    public void Reconcile(string key)
    {
        var (ns, name) = ControllerApi.Split(key);
        var stored = api.Snapshot.Get(api.Pods, ns, name);
        if (stored is null || stored.Terminating)
        {
            return;
        }

        var pod = stored.ToJsonObject();
        var nodeName = Meta.String(pod["spec"], "nodeName");
        if (string.IsNullOrEmpty(nodeName))
        {
            Schedule(stored, pod);
        }
        else
        {
            RunOn(stored, pod, nodeName);
        }
    }

    private void Schedule(StoredObject stored, JsonObject pod)
    {
        if ((Meta.String(pod["spec"], "schedulerName") ?? DefaultScheduler) != DefaultScheduler)
        {
            return;
        }

        var nodes = api.Snapshot.List(api.Nodes).Select(n => n.ToJsonObject()).Where(IsSchedulable).Select(Meta.Name).ToList();
        if (nodes.Count == 0)
        {
            var status = PodStatusBuilder.Unschedulable(pod, "0/0 nodes are available: no schedulable node with a pod CIDR.", api.Now);
            if (!JsonNode.DeepEquals(status["conditions"], pod["status"]?["conditions"]))
            {
                pod["status"] = status;
                api.Update(api.Pods, stored, pod, "status");
            }

            return;
        }

        Meta.Child(pod, "spec")["nodeName"] = nodes[nextNode++ % nodes.Count];
        api.Update(api.Pods, stored, pod);
    }

    private void RunOn(StoredObject stored, JsonObject pod, string nodeName)
    {
        var node = api.Snapshot.Get(api.Nodes, null, nodeName)?.ToJsonObject();
        if (node is null)
        {
            // Evicted with its node; its controller recreates it elsewhere. A bare pod bound to an unknown node just
            // stays Pending, as nothing runs it.
            if (stored.OwnerUids.Count > 0)
            {
                api.Delete(api.Pods, stored.Namespace, stored.Name);
            }

            return;
        }

        var podCidr = Meta.String(node["spec"], "podCIDR");
        var hostIp = (string?)(node["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["type"] == "InternalIP")?["address"];
        if (podCidr is null || hostIp is null)
        {
            return; // no kubelet of ours runs there (a virtual-kubelet node)
        }

        var podIp = Meta.String(pod["status"], "podIP");
        if (string.IsNullOrEmpty(podIp))
        {
            var used = api.Snapshot.List(api.Pods)
                .Where(p => p.Fields["spec.nodeName"] == nodeName)
                .Select(p => p.Fields["status.podIP"])
                .Where(ip => ip.Length > 0)
                .ToHashSet(StringComparer.Ordinal);
            podIp = PodIpAllocator.Next(podCidr, used) ?? throw new InvalidOperationException($"pod CIDR {podCidr} of node {nodeName} is full");
        }

        var status = PodStatusBuilder.Running(pod, podIp, hostIp, api.Now);
        if (!JsonNode.DeepEquals(status, pod["status"]))
        {
            pod["status"] = status;
            api.Update(api.Pods, stored, pod, "status");
        }
    }

    /// <summary>Whether new pods may go to the node (the scheduler's filters that matter here).</summary>
    public static bool IsSchedulable(JsonObject node) =>
        !Meta.IsTrue(node["spec"]?["unschedulable"])
        && !Meta.IsTerminating(node)
        && Meta.String(node["metadata"]?["labels"], "type") != "virtual-kubelet"
        && Meta.String(node["spec"], "podCIDR") is not null
        && PodConditions.Status(node, "Ready") == "True";
}
