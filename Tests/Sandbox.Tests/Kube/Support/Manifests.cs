using System.Text.Json.Nodes;

namespace Ccm.Sandbox.Tests.Kube.Support;

/// <summary>Small object builders for tests.</summary>
public static class Manifests
{
    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject ConfigMap(string name, string ns, params (string Key, string Value)[] data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
    };

    public static JsonObject Service(string name, string ns, string type = "ClusterIP", params int[] ports) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["type"] = type,
            ["selector"] = new JsonObject { ["app"] = name },
            ["ports"] = new JsonArray([.. (ports.Length == 0 ? [80] : ports).Select(p => (JsonNode)new JsonObject
            {
                ["name"] = $"p{p}",
                ["port"] = p,
                ["targetPort"] = p + 8000,
            })]),
        },
    };

    public static JsonObject Deployment(string name, string ns, int replicas, string app) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "web",
                        ["image"] = "nginx:1.27",
                        ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080 }),
                    }),
                },
            },
        },
    };

    public static string Path(string ns, string plural, string? name = null, string? group = null) =>
        (group is null ? "/api/v1" : $"/apis/{group}/v1") + $"/namespaces/{ns}/{plural}" + (name is null ? "" : "/" + name);
}
