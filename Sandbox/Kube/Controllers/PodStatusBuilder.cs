using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// The status a kubelet reports for a running pod: Running, its IPs, every container started and ready, and the
/// Ready condition honouring the pod's readiness gates (Ready only once each gate's condition is True, so a
/// controller that owns a gate, such as a load balancer's, decides when the pod takes traffic). Timestamps of
/// unchanged conditions are kept, so a repeated build changes nothing.
/// </summary>
internal static class PodStatusBuilder
{
    public static JsonObject Running(JsonObject pod, string podIp, string hostIp, string now)
    {
        var old = pod["status"] as JsonObject ?? [];
        var oldConditions = old["conditions"] as JsonArray;
        var gates = (pod["spec"]?["readinessGates"] as JsonArray)?.OfType<JsonObject>().Select(g => (string?)g["conditionType"]).OfType<string>().ToList() ?? [];
        var gatesPass = gates.All(g => PodConditions.Status(pod, g) == "True");
        var started = (string?)old["startTime"] ?? now;

        var conditions = new JsonArray(
            Condition(oldConditions, "PodReadyToStartContainers", "True", now),
            Condition(oldConditions, "Initialized", "True", now),
            Condition(oldConditions, "Ready", gatesPass ? "True" : "False", now, gatesPass ? null : "ReadinessGatesNotReady"),
            Condition(oldConditions, "ContainersReady", "True", now),
            Condition(oldConditions, "PodScheduled", "True", now));

        // Conditions written by others (the readiness gates' owners) stay as they are.
        foreach (var other in oldConditions?.OfType<JsonObject>() ?? [])
        {
            if (!conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == (string?)other["type"]))
            {
                conditions.Add(other.DeepClone());
            }
        }

        var containers = (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>() ?? [];
        return new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = conditions,
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = started,
            ["containerStatuses"] = new JsonArray([.. containers.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c["name"]?.DeepClone(),
                ["image"] = c["image"]?.DeepClone(),
                ["imageID"] = "",
                ["containerID"] = $"containerd://{TemplateHash.Of(c)}",
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = started } },
            })]),
            ["qosClass"] = (string?)old["qosClass"] ?? "BestEffort",
        };
    }

    /// <summary>A pod no node can take: Pending with PodScheduled False, as the scheduler reports it.</summary>
    public static JsonObject Unschedulable(JsonObject pod, string message, string now)
    {
        var status = (pod["status"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        status["phase"] = "Pending";
        status["conditions"] = new JsonArray(Condition(status["conditions"] as JsonArray, "PodScheduled", "False", now, "Unschedulable", message));
        return status;
    }

    private static JsonObject Condition(JsonArray? previous, string type, string status, string now, string? reason = null, string? message = null)
    {
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = old is not null && (string?)old["status"] == status ? (string?)old["lastTransitionTime"] : now,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        if (message is not null)
        {
            condition["message"] = message;
        }

        return condition;
    }
}
