using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>
/// Services as the API server admits them: defaults (type, session affinity, traffic policies, IP families, port
/// protocol and target port), a cluster IP, node ports for NodePort/LoadBalancer types and a health-check node port for
/// LoadBalancer with <c>externalTrafficPolicy: Local</c>. Allocated values survive updates that omit them, are
/// immutable where upstream says so, and are released on type changes and on removal.
/// </summary>
internal sealed class ServiceStrategy(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts) : DefaultStrategy
{
    public const string ClusterIP = "ClusterIP";
    public const string NodePort = "NodePort";
    public const string LoadBalancer = "LoadBalancer";
    public const string ExternalName = "ExternalName";

    public override string? CheckName(string name) => NameRules.CheckLabel1035(name);

    public override void PrepareForCreate(AdmissionContext context, JsonObject obj)
    {
        var spec = Meta.Child(obj, "spec");
        var errors = new FieldErrors();
        ServiceDefaults.Apply(spec, errors);
        if (!IsExternallyAccessible(spec) && spec["externalTrafficPolicy"] is { } policy)
        {
            errors.Invalid("spec.externalTrafficPolicy", policy, "may only be set for externally-accessible services");
        }

        errors.ThrowIfAny(context.Type, Meta.Name(obj));
        Allocate(context, obj, spec, oldSpec: null);
        obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    public override void PrepareForUpdate(AdmissionContext context, JsonObject obj, JsonObject old)
    {
        var spec = Meta.Child(obj, "spec");
        var oldSpec = old["spec"] as JsonObject ?? [];
        var errors = new FieldErrors();
        DropTypeDependentFields(spec, oldSpec);
        ServiceDefaults.Apply(spec, errors);
        errors.ThrowIfAny(context.Type, Meta.Name(obj));
        Allocate(context, obj, spec, oldSpec);
    }

    public override void OnRemoved(AdmissionContext context, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        var ip = (string?)spec["clusterIP"];
        var ports = AllNodePorts(spec).ToList();
        context.Transaction.OnCommit(() =>
        {
            if (ip is { Length: > 0 } and not "None")
            {
                clusterIps.Release(ip);
            }

            foreach (var port in ports)
            {
                nodePorts.Release(port);
            }
        });
    }

    private static string TypeOf(JsonObject spec) => (string?)spec["type"] ?? ClusterIP;

    private static bool IsExternallyAccessible(JsonObject spec) => TypeOf(spec) is NodePort or LoadBalancer;

    private void Allocate(AdmissionContext context, JsonObject obj, JsonObject spec, JsonObject? oldSpec)
    {
        var errors = new FieldErrors();
        if (TypeOf(spec) == ExternalName)
        {
            ReleaseClusterIp(context, oldSpec);
            foreach (var field in (string[])["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy"])
            {
                spec.Remove(field);
            }
        }
        else
        {
            AssignClusterIp(context, spec, oldSpec, errors);
        }

        var claimed = AssignNodePorts(context, spec, oldSpec, errors);
        AssignHealthCheckNodePort(context, spec, oldSpec, claimed, errors);
        errors.ThrowIfAny(context.Type, Meta.Name(obj));

        var released = oldSpec is null ? [] : AllNodePorts(oldSpec).Except(claimed).ToList();
        context.Transaction.OnCommit(() => released.ForEach(nodePorts.Release));
    }

    private void AssignClusterIp(AdmissionContext context, JsonObject spec, JsonObject? oldSpec, FieldErrors errors)
    {
        var requested = (string?)spec["clusterIP"] is { Length: > 0 } ip ? ip : (string?)spec["clusterIPs"]?.AsArray().FirstOrDefault();
        var oldIp = oldSpec is null ? null : (string?)oldSpec["clusterIP"];
        if (!string.IsNullOrEmpty(oldIp))
        {
            // Once set, a cluster IP stays; an update that leaves it out keeps it (kubectl replace, SSA without it).
            if (!string.IsNullOrEmpty(requested) && requested != oldIp)
            {
                errors.Invalid("spec.clusterIPs[0]", JsonValue.Create(requested), "may not change once set");
            }

            SetClusterIp(spec, oldIp);
            return;
        }

        if (requested == "None")
        {
            SetClusterIp(spec, requested);
            return;
        }

        if (!string.IsNullOrEmpty(requested))
        {
            if (!clusterIps.InRange(requested))
            {
                errors.Invalid("spec.clusterIPs", JsonValue.Create(requested),
                    $"failed to allocate IP {requested}: the provided IP ({requested}) is not in the valid range. The range of valid IPs is {clusterIps.Cidr}");
                return;
            }

            if (!clusterIps.TryAllocate(requested))
            {
                errors.Invalid("spec.clusterIPs", JsonValue.Create(requested), $"failed to allocate IP {requested}: provided IP is already allocated");
                return;
            }
        }
        else
        {
            requested = clusterIps.AllocateNext();
            if (requested is null)
            {
                errors.Invalid("spec.clusterIPs", null, $"failed to allocate a serviceIP: range is full ({clusterIps.Cidr})");
                return;
            }
        }

        var allocated = requested;
        context.Transaction.OnRollback(() => clusterIps.Release(allocated));
        SetClusterIp(spec, allocated);
    }

    private void ReleaseClusterIp(AdmissionContext context, JsonObject? oldSpec)
    {
        if (oldSpec is not null && (string?)oldSpec["clusterIP"] is { Length: > 0 } ip and not "None")
        {
            context.Transaction.OnCommit(() => clusterIps.Release(ip));
        }
    }

    private static void SetClusterIp(JsonObject spec, string ip)
    {
        spec["clusterIP"] = ip;
        spec["clusterIPs"] = new JsonArray(ip);
    }

    /// <summary>Fills and claims node ports; returns every node port the service holds afterwards.</summary>
    private HashSet<int> AssignNodePorts(AdmissionContext context, JsonObject spec, JsonObject? oldSpec, FieldErrors errors)
    {
        var type = TypeOf(spec);
        var allowed = type is NodePort or LoadBalancer;
        var wanted = type == NodePort || (type == LoadBalancer && !Meta.IsFalse(spec["allocateLoadBalancerNodePorts"]));
        var oldPorts = oldSpec?["ports"] as JsonArray ?? [];
        var held = AllNodePorts(oldSpec).ToHashSet();
        var claimed = new HashSet<int>();
        var byProtocol = new HashSet<(int, string)>();

        var ports = spec["ports"] as JsonArray ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is not JsonObject port)
            {
                continue;
            }

            var field = $"spec.ports[{i}].nodePort";
            var nodePort = (int)Meta.Long(port["nodePort"], 0);
            if (nodePort == 0 && wanted)
            {
                nodePort = (int)Meta.Long(FindOldPort(oldPorts, port)?["nodePort"], 0);
            }

            if (nodePort != 0 && !allowed)
            {
                if (held.Contains(nodePort))
                {
                    port.Remove("nodePort"); // left over from the old type; dropped as upstream does
                }
                else
                {
                    errors.Forbidden(field, $"may not be used when `type` is '{type}'");
                }

                continue;
            }

            if (nodePort == 0)
            {
                if (!wanted)
                {
                    continue;
                }

                var next = nodePorts.AllocateNext();
                if (next is null)
                {
                    errors.Invalid(field, null, "failed to allocate a nodePort: range is full");
                    continue;
                }

                nodePort = next.Value;
                context.Transaction.OnRollback(() => nodePorts.Release(next.Value));
            }
            else if (!held.Contains(nodePort) && !claimed.Contains(nodePort))
            {
                if (!nodePorts.InRange(nodePort))
                {
                    errors.Invalid(field, port["nodePort"],
                        $"provided port is not in the valid range. The range of valid ports is {nodePorts.First}-{nodePorts.Last}");
                    continue;
                }

                if (!nodePorts.TryAllocate(nodePort))
                {
                    errors.Invalid(field, port["nodePort"], "provided port is already allocated");
                    continue;
                }

                var taken = nodePort;
                context.Transaction.OnRollback(() => nodePorts.Release(taken));
            }

            if (!byProtocol.Add((nodePort, (string?)port["protocol"] ?? "TCP")))
            {
                errors.Duplicate(field, port["nodePort"]);
            }

            claimed.Add(nodePort);
            port["nodePort"] = nodePort;
        }

        return claimed;
    }

    private void AssignHealthCheckNodePort(AdmissionContext context, JsonObject spec, JsonObject? oldSpec, HashSet<int> claimed, FieldErrors errors)
    {
        var wanted = TypeOf(spec) == LoadBalancer && (string?)spec["externalTrafficPolicy"] == "Local";
        var old = (int)Meta.Long(oldSpec?["healthCheckNodePort"], 0);
        var current = (int)Meta.Long(spec["healthCheckNodePort"], 0);
        if (!wanted)
        {
            if (current != 0 && current != old)
            {
                errors.Invalid("spec.healthCheckNodePort", spec["healthCheckNodePort"],
                    "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
            }

            spec.Remove("healthCheckNodePort");
            return;
        }

        if (current == 0 && old != 0)
        {
            current = old;
        }
        else if (current != 0 && old != 0 && current != old)
        {
            errors.Invalid("spec.healthCheckNodePort", spec["healthCheckNodePort"], "field is immutable");
            return;
        }
        else if (current == 0)
        {
            current = nodePorts.AllocateNext() ?? 0;
            var allocated = current;
            context.Transaction.OnRollback(() => nodePorts.Release(allocated));
        }
        else if (current != old)
        {
            if (!nodePorts.TryAllocate(current))
            {
                errors.Invalid("spec.healthCheckNodePort", spec["healthCheckNodePort"], "provided port is already allocated");
                return;
            }

            var taken = current;
            context.Transaction.OnRollback(() => nodePorts.Release(taken));
        }

        claimed.Add(current);
        spec["healthCheckNodePort"] = current;
    }

    /// <summary>Upstream's dropTypeDependentFields: fields the old type needed, left unchanged, go with a type change.</summary>
    private static void DropTypeDependentFields(JsonObject spec, JsonObject oldSpec)
    {
        var type = TypeOf(spec);
        if (type == TypeOf(oldSpec))
        {
            return;
        }

        if (type is not (NodePort or LoadBalancer) && JsonNode.DeepEquals(spec["externalTrafficPolicy"], oldSpec["externalTrafficPolicy"]))
        {
            spec.Remove("externalTrafficPolicy");
        }

        if (type != LoadBalancer)
        {
            foreach (var field in (string[])["allocateLoadBalancerNodePorts", "loadBalancerClass"])
            {
                if (JsonNode.DeepEquals(spec[field], oldSpec[field]))
                {
                    spec.Remove(field);
                }
            }
        }
    }

    private static JsonObject? FindOldPort(JsonArray oldPorts, JsonObject port) =>
        oldPorts.OfType<JsonObject>().FirstOrDefault(o =>
            JsonNode.DeepEquals(o["port"], port["port"]) && ((string?)o["protocol"] ?? "TCP") == ((string?)port["protocol"] ?? "TCP"));

    /// <summary>Every node port a Service spec holds: one per port and the health-check node port.</summary>
    internal static IEnumerable<int> AllNodePorts(JsonObject? spec)
    {
        if (spec is null)
        {
            yield break;
        }

        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Meta.Long(port["nodePort"], 0) is > 0 and var nodePort)
            {
                yield return (int)nodePort;
            }
        }

        if (Meta.Long(spec["healthCheckNodePort"], 0) is > 0 and var health)
        {
            yield return (int)health;
        }
    }
}
