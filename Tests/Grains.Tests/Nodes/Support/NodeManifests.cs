using System.Text.Json.Nodes;
using Ccm.Grains.Nodes;

namespace Ccm.Grains.Tests.Nodes.Support;

/// <summary>Node objects as a kubelet registers them, for the Kubernetes emulator.</summary>
internal static class NodeManifests
{
    /// <summary>A Ready node with an InternalIP and a Hostname; without a providerID it carries the uninitialized taint.</summary>
    public static JsonObject Node(string name, string ip, string? providerId = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = providerId is null
            ? new JsonObject
            {
                ["taints"] = new JsonArray(new JsonObject { ["key"] = NodeLabels.UninitializedTaint, ["value"] = "true", ["effect"] = "NoSchedule" }),
            }
            : new JsonObject { ["providerID"] = providerId },
        ["status"] = new JsonObject
        {
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };
}
