using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Kube.Semantics;

/// <summary>The defaults and static validation of a Service spec (no allocation): what SetDefaults_Service does.</summary>
internal static class ServiceDefaults
{
    private static readonly string[] Types = [ServiceStrategy.ClusterIP, ServiceStrategy.NodePort, ServiceStrategy.LoadBalancer, ServiceStrategy.ExternalName];
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];

    public static void Apply(JsonObject spec, FieldErrors errors)
    {
        var type = (string?)spec["type"] ?? ServiceStrategy.ClusterIP;
        spec["type"] = type;
        if (!Types.Contains(type))
        {
            errors.NotSupported("spec.type", spec["type"], Types);
        }

        spec["sessionAffinity"] ??= "None";
        if (type == ServiceStrategy.ExternalName)
        {
            if (string.IsNullOrEmpty((string?)spec["externalName"]))
            {
                errors.Required("spec.externalName");
            }
        }
        else
        {
            spec["internalTrafficPolicy"] ??= "Cluster";
            spec["ipFamilies"] ??= new JsonArray("IPv4");
            spec["ipFamilyPolicy"] ??= "SingleStack";
            if (type is ServiceStrategy.NodePort or ServiceStrategy.LoadBalancer)
            {
                spec["externalTrafficPolicy"] ??= "Cluster";
            }

            if (type == ServiceStrategy.LoadBalancer)
            {
                spec["allocateLoadBalancerNodePorts"] ??= true;
            }

            if (spec["ports"] is not JsonArray { Count: > 0 } && (string?)spec["clusterIP"] != "None")
            {
                errors.Required("spec.ports");
            }
        }

        DefaultPorts(spec["ports"] as JsonArray ?? [], errors);
    }

    private static void DefaultPorts(JsonArray ports, FieldErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(long, string)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var field = $"spec.ports[{i}]";
            if (ports[i] is not JsonObject port)
            {
                errors.Invalid(field, ports[i], "must be an object");
                continue;
            }

            var protocol = (string?)port["protocol"] ?? "TCP";
            port["protocol"] = protocol;
            if (!Protocols.Contains(protocol))
            {
                errors.NotSupported(field + ".protocol", port["protocol"], Protocols);
            }

            var number = Meta.Long(port["port"], 0);
            if (port["port"] is null)
            {
                errors.Required(field + ".port");
            }
            else if (number is < 1 or > 65535)
            {
                errors.Invalid(field + ".port", port["port"], "must be between 1 and 65535, inclusive");
            }

            port["targetPort"] ??= number;
            var name = (string?)port["name"] ?? "";
            if (ports.Count > 1 && name.Length == 0)
            {
                errors.Required(field + ".name");
            }
            else if (name.Length > 0 && !names.Add(name))
            {
                errors.Duplicate(field + ".name", port["name"]);
            }

            if (!keys.Add((number, protocol)))
            {
                errors.Duplicate(field, port);
            }
        }
    }
}
