using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Api.Tables;

/// <summary>
/// The printers of the kinds people <c>kubectl get</c> in the sandbox, with the columns and cell rules of the API
/// server's own printers (<c>pkg/printers/internalversion</c>). Other kinds are served as plain lists.
/// </summary>
internal static class TablePrinters
{
    private const string None = "<none>";

    private static readonly TableColumn Name = new("Name", "string", "Name must be unique within a namespace.", Format: "name");
    private static readonly TableColumn Age = new("Age", "string", "Time since the object was created.");

    public static TablePrinter? For(ResourceType type) => (type.Group, type.Plural) switch
    {
        ("", "nodes") => Nodes,
        ("", "services") => Services,
        ("", "pods") => Pods,
        ("apps", "deployments") => Deployments,
        _ => null,
    };

    private static readonly TablePrinter Nodes = new(
        [
            Name, new("Status", "string", "The status of the node"), new("Roles", "string", "The roles of the node"), Age,
            new("Version", "string", "Kubelet Version reported by the node."),
            new("Internal-IP", "string", "List of internal IPs for the node.", 1),
            new("External-IP", "string", "List of external IPs for the node.", 1),
            new("OS-Image", "string", "OS image reported by the node.", 1),
            new("Kernel-Version", "string", "Kernel version reported by the node.", 1),
            new("Container-Runtime", "string", "Container runtime reported by the node.", 1),
        ],
        (node, now) =>
        {
            var info = node["status"]?["nodeInfo"];
            return
            [
                Str(node["metadata"]?["name"]), NodeStatus(node), NodeRoles(node), HumanDuration.Since(Str(node["metadata"]?["creationTimestamp"]), now),
                Str(info?["kubeletVersion"]), Address(node, "InternalIP"), Address(node, "ExternalIP"),
                OrUnknown(info?["osImage"]), OrUnknown(info?["kernelVersion"]), OrUnknown(info?["containerRuntimeVersion"]),
            ];
        });

    private static readonly TablePrinter Services = new(
        [
            Name, new("Type", "string", "The type of service."), new("Cluster-IP", "string", "The IP address of the service."),
            new("External-IP", "string", "The external IP addresses of the service."),
            new("Port(s)", "string", "The ports the service exposes."), Age,
            new("Selector", "string", "The selector of the service's pods.", 1),
        ],
        (svc, now) =>
        [
            Str(svc["metadata"]?["name"]), Str(svc["spec"]?["type"]) ?? "ClusterIP", Str(svc["spec"]?["clusterIP"]) is { Length: > 0 } ip ? ip : None,
            ServiceExternalIp(svc), ServicePorts(svc), HumanDuration.Since(Str(svc["metadata"]?["creationTimestamp"]), now),
            svc["spec"]?["selector"] is JsonObject { Count: > 0 } selector ? string.Join(',', selector.Select(p => $"{p.Key}={p.Value}")) : None,
        ]);

    private static readonly TablePrinter Pods = new(
        [
            Name, new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
            new("Status", "string", "The aggregate status of the containers in this pod."),
            new("Restarts", "string", "The number of times the containers in this pod have been restarted."), Age,
            new("IP", "string", "The pod's IP address.", 1), new("Node", "string", "The node the pod is scheduled to.", 1),
            new("Nominated Node", "string", "The node the pod is nominated to.", 1),
            new("Readiness Gates", "string", "The pod's readiness gates.", 1),
        ],
        (pod, now) =>
        {
            var statuses = pod["status"]?["containerStatuses"] as JsonArray ?? [];
            var containers = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
            var ready = statuses.Count(s => s?["ready"]?.GetValue<bool>() == true);
            var restarts = statuses.Sum(s => s?["restartCount"]?.GetValue<int>() ?? 0);
            return
            [
                Str(pod["metadata"]?["name"]), $"{ready}/{containers}", PodStatus(pod, statuses), restarts,
                HumanDuration.Since(Str(pod["metadata"]?["creationTimestamp"]), now),
                Str(pod["status"]?["podIP"]) ?? None, Str(pod["spec"]?["nodeName"]) ?? None, Str(pod["status"]?["nominatedNodeName"]) ?? None,
                pod["spec"]?["readinessGates"] is JsonArray { Count: > 0 } gates ? $"0/{gates.Count}" : None,
            ];
        });

    private static readonly TablePrinter Deployments = new(
        [
            Name, new("Ready", "string", "Number of the pod with ready state"),
            new("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
            new("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."), Age,
            new("Containers", "string", "Names of each container in the template.", 1),
            new("Images", "string", "Images referenced by each container in the template.", 1),
            new("Selector", "string", "Label selector for pods.", 1),
        ],
        (d, now) =>
        {
            var containers = d["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? [];
            var matchLabels = d["spec"]?["selector"]?["matchLabels"] as JsonObject;
            return
            [
                Str(d["metadata"]?["name"]), $"{Int(d["status"]?["readyReplicas"])}/{Int(d["spec"]?["replicas"], 1)}",
                Int(d["status"]?["updatedReplicas"]), Int(d["status"]?["availableReplicas"]),
                HumanDuration.Since(Str(d["metadata"]?["creationTimestamp"]), now),
                string.Join(',', containers.Select(c => Str(c?["name"]))), string.Join(',', containers.Select(c => Str(c?["image"]))),
                matchLabels is { Count: > 0 } ? string.Join(',', matchLabels.Select(p => $"{p.Key}={p.Value}")) : None,
            ];
        });

    private static string NodeStatus(JsonObject node)
    {
        var ready = (node["status"]?["conditions"] as JsonArray ?? []).FirstOrDefault(c => Str(c?["type"]) == "Ready");
        var status = Str(ready?["status"]) switch
        {
            "True" => "Ready",
            "False" => "NotReady",
            _ => "Unknown",
        };
        return node["spec"]?["unschedulable"]?.GetValue<bool>() == true ? status + ",SchedulingDisabled" : status;
    }

    private static string NodeRoles(JsonObject node)
    {
        var labels = node["metadata"]?["labels"] as JsonObject ?? [];
        var roles = labels.Where(p => p.Key.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
            .Select(p => p.Key["node-role.kubernetes.io/".Length..])
            .Concat(labels.Where(p => p.Key == "kubernetes.io/role").Select(p => Str(p.Value) ?? ""))
            .Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return roles.Count > 0 ? string.Join(',', roles) : None;
    }

    private static string Address(JsonObject node, string type)
    {
        var found = (node["status"]?["addresses"] as JsonArray ?? []).Where(a => Str(a?["type"]) == type).Select(a => Str(a?["address"])).ToList();
        return found.Count > 0 ? string.Join(',', found) : None;
    }

    private static string ServiceExternalIp(JsonObject svc)
    {
        var external = (svc["spec"]?["externalIPs"] as JsonArray ?? []).Select(Str).OfType<string>().ToList();
        switch (Str(svc["spec"]?["type"]))
        {
            case "LoadBalancer":
                var ingress = (svc["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? [])
                    .Select(i => Str(i?["ip"]) ?? Str(i?["hostname"])).OfType<string>();
                var all = ingress.Concat(external).ToList();
                return all.Count > 0 ? string.Join(',', all) : "<pending>";
            case "ExternalName":
                return Str(svc["spec"]?["externalName"]) ?? None;
            default:
                return external.Count > 0 ? string.Join(',', external) : None;
        }
    }

    private static string ServicePorts(JsonObject svc)
    {
        var ports = (svc["spec"]?["ports"] as JsonArray ?? []).Select(p =>
        {
            var nodePort = Int(p?["nodePort"]);
            var protocol = Str(p?["protocol"]) ?? "TCP";
            return nodePort > 0 ? $"{Int(p?["port"])}:{nodePort}/{protocol}" : $"{Int(p?["port"])}/{protocol}";
        }).ToList();
        return ports.Count > 0 ? string.Join(',', ports) : None;
    }

    private static string PodStatus(JsonObject pod, JsonArray statuses)
    {
        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        var waiting = statuses.Select(s => Str(s?["state"]?["waiting"]?["reason"])).FirstOrDefault(r => r is { Length: > 0 });
        return waiting ?? Str(pod["status"]?["reason"]) ?? Str(pod["status"]?["phase"]) ?? "Pending";
    }

    private static string OrUnknown(JsonNode? node) => Str(node) is { Length: > 0 } s ? s : "<unknown>";

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int Int(JsonNode? node, int absent = 0) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : absent;
}
