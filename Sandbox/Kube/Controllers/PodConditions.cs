using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>Reading conditions off objects (pods and nodes).</summary>
internal static class PodConditions
{
    public static string? Status(JsonObject obj, string type) =>
        (string?)(obj["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type)?["status"];

    public static bool IsReady(JsonObject pod) => Status(pod, "Ready") == "True";
}
