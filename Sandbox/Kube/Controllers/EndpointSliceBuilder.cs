using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Semantics;

namespace Ccm.Sandbox.Kube.Controllers;

/// <summary>
/// The EndpointSlice the endpoint-slice controller wants for a Service, pure: one endpoint per selected pod that has
/// an IP (ready/serving from the pod's Ready condition, node name, zone, a reference to the pod) and one port per
/// Service port, named as the Service port and numbered as its target port (a named target port is looked up in the
/// pod's containers).
/// </summary>
internal static class EndpointSliceBuilder
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ManagedBy = "endpointslice-controller.k8s.io";
    public const string TriggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

    public static JsonObject Desired(JsonObject service, IReadOnlyList<JsonObject> pods, Func<string, string?> zoneOfNode)
    {
        var name = Meta.Name(service);
        var ordered = pods.Where(p => !string.IsNullOrEmpty(Meta.String(p["status"], "podIP"))).OrderBy(Meta.Name, StringComparer.Ordinal).ToList();
        var labels = (service["metadata"]?["labels"]?.DeepClone() as JsonObject) ?? [];
        labels[ServiceNameLabel] = name;
        labels[ManagedByLabel] = ManagedBy;

        return new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["generateName"] = name + "-",
                ["namespace"] = service["metadata"]?["namespace"]?.DeepClone(),
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Service",
                    ["name"] = name,
                    ["uid"] = service["metadata"]?["uid"]?.DeepClone(),
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = new JsonArray([.. ordered.Select(p => (JsonNode)Endpoint(p, zoneOfNode))]),
            ["ports"] = Ports(service, ordered),
        };
    }

    /// <summary>Whether the live slice already says what <paramref name="desired"/> says.</summary>
    public static bool Matches(JsonObject live, JsonObject desired) =>
        JsonNode.DeepEquals(live["endpoints"], desired["endpoints"])
        && JsonNode.DeepEquals(live["ports"], desired["ports"])
        && (string?)live["addressType"] == (string?)desired["addressType"]
        && JsonNode.DeepEquals(live["metadata"]?["labels"], desired["metadata"]?["labels"]);

    private static JsonObject Endpoint(JsonObject pod, Func<string, string?> zoneOfNode)
    {
        var ready = PodConditions.IsReady(pod);
        var nodeName = Meta.String(pod["spec"], "nodeName");
        var endpoint = new JsonObject
        {
            ["addresses"] = new JsonArray(Meta.String(pod["status"], "podIP")),
            ["conditions"] = new JsonObject { ["ready"] = ready, ["serving"] = ready, ["terminating"] = false },
            ["targetRef"] = new JsonObject
            {
                ["kind"] = "Pod",
                ["namespace"] = pod["metadata"]?["namespace"]?.DeepClone(),
                ["name"] = Meta.Name(pod),
                ["uid"] = pod["metadata"]?["uid"]?.DeepClone(),
            },
        };
        if (nodeName is not null)
        {
            endpoint["nodeName"] = nodeName;
            if (zoneOfNode(nodeName) is { } zone)
            {
                endpoint["zone"] = zone;
            }
        }

        return endpoint;
    }

    private static JsonArray Ports(JsonObject service, IReadOnlyList<JsonObject> pods)
    {
        var ports = new JsonArray();
        foreach (var port in (service["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var target = port["targetPort"] ?? port["port"];
            var number = target is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? pods.Select(p => ContainerPort(p, (string)v!)).FirstOrDefault(n => n is not null)
                : Meta.Long(target, 0);
            if (number is null or 0)
            {
                continue;
            }

            ports.Add(new JsonObject
            {
                ["name"] = (string?)port["name"] ?? "",
                ["port"] = number,
                ["protocol"] = (string?)port["protocol"] ?? "TCP",
            });
        }

        return ports;
    }

    private static long? ContainerPort(JsonObject pod, string name) =>
        (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>()
            .SelectMany(c => (c["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Where(p => (string?)p["name"] == name)
            .Select(p => (long?)Meta.Long(p["containerPort"], 0))
            .FirstOrDefault();
}
