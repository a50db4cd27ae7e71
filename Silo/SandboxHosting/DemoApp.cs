using System.Text.Json.Nodes;

namespace Ccm.Silo.SandboxHosting;

/// <summary>
/// What the sandbox deploys before the silo starts, as the upstream documentation's first example: an nginx
/// Deployment of two replicas behind <c>default/nginx</c>, a <c>type: LoadBalancer</c> Service on port 80 with an
/// intranet (VPC-internal) Classic Load Balancer.
/// </summary>
public static class DemoApp
{
    public const string Namespace = "default";
    public const string Name = "nginx";

    public static JsonObject Deployment() => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = Namespace, ["labels"] = Labels() },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 2,
            ["selector"] = new JsonObject { ["matchLabels"] = Labels() },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = Labels() },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "nginx",
                        ["image"] = "nginx:1.27",
                        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["protocol"] = "TCP" }),
                    }),
                },
            },
        },
    };

    public static JsonObject Service() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject
        {
            ["name"] = Name,
            ["namespace"] = Namespace,
            ["annotations"] = new JsonObject { ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type"] = "intranet" },
        },
        ["spec"] = new JsonObject
        {
            ["type"] = "LoadBalancer",
            ["selector"] = Labels(),
            ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["targetPort"] = 80, ["protocol"] = "TCP" }),
        },
    };

    private static JsonObject Labels() => new() { ["run"] = Name };
}
