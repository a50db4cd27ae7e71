using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Semantics;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>A Deployment's status from its pods, keeping condition timestamps while a condition does not change.</summary>
internal static class DeploymentStatus
{
    public static JsonObject Build(JsonObject deployment, int replicas, int current, int ready, string now)
    {
        var previous = deployment["status"]?["conditions"] as JsonArray;
        var available = ready >= replicas;
        var status = new JsonObject
        {
            ["observedGeneration"] = Meta.Long(deployment["metadata"]?["generation"], 1),
            ["replicas"] = current,
            ["updatedReplicas"] = current,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
        };
        if (replicas > ready)
        {
            status["unavailableReplicas"] = replicas - ready;
        }

        status["conditions"] = new JsonArray(
            Condition(previous, "Available", available ? "True" : "False",
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now),
            Condition(previous, "Progressing", "True",
                available && current == replicas ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                available && current == replicas ? "Pods of the deployment are available." : "Pods of the deployment are progressing.", now));
        return status;
    }

    private static JsonObject Condition(JsonArray? previous, string type, string status, string reason, string message, string now)
    {
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        var unchanged = old is not null && (string?)old["status"] == status && (string?)old["reason"] == reason;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = unchanged ? (string?)old!["lastUpdateTime"] : now,
            ["lastTransitionTime"] = old is not null && (string?)old["status"] == status ? (string?)old["lastTransitionTime"] : now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }
}
