using System.Globalization;
using System.Text.Json.Nodes;
using Ccm.Kube.Client;
using k8s;
using k8s.Models;

namespace Ccm.Grains.Routes;

/// <summary>
/// The <c>/status</c> patch that sets <c>NetworkUnavailable</c>: a strategic merge keyed by condition type, so the
/// kubelet's conditions (Ready, MemoryPressure...) are left as they are, as upstream's route controller writes it.
/// </summary>
public static class NetworkConditionPatch
{
    /// <param name="wanted">The condition to set.</param>
    /// <param name="present">The node's current one; its transition time is kept when the status does not change.</param>
    /// <param name="now">The heartbeat (and, on a change of status, transition) time.</param>
    public static V1Patch For(NetworkCondition wanted, V1NodeCondition? present, DateTimeOffset now)
    {
        var transition = present?.Status == wanted.Status && present.LastTransitionTime is { } since ? new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc)) : now;
        return KubePatch.StrategicMerge(new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = NetworkCondition.Type,
                    ["status"] = wanted.Status,
                    ["reason"] = wanted.Reason,
                    ["message"] = wanted.Message,
                    ["lastTransitionTime"] = Time(transition),
                    ["lastHeartbeatTime"] = Time(now),
                }),
            },
        });
    }

    /// <summary>The node's <c>NetworkUnavailable</c> condition, or null.</summary>
    public static V1NodeCondition? Current(V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == NetworkCondition.Type);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
