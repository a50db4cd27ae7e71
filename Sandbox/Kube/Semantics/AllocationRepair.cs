using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Storage;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// What the API server's repair controllers for Service IPs and node ports do at start: the allocation maps are
/// rebuilt from the Services that are stored, so that after a restart that lost objects their addresses and ports are
/// free again and the surviving ones stay taken. Runs under the store's write lock.
/// </summary>
internal sealed class AllocationRepair(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts)
{
    public void Rebuild(IEnumerable<StoredObject> services)
    {
        clusterIps.Clear();
        nodePorts.Clear();
        foreach (var service in services)
        {
            var spec = service.ToJsonObject()["spec"] as JsonObject;
            if ((string?)spec?["clusterIP"] is { Length: > 0 } ip and not "None")
            {
                clusterIps.TryAllocate(ip);
            }

            foreach (var port in ServiceStrategy.AllNodePorts(spec))
            {
                nodePorts.TryAllocate(port);
            }
        }
    }
}
