using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Storage;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>
/// Services as a <c>meta.k8s.io/v1 Table</c>, the server-side printing kubectl asks for (<c>Accept: ...;as=Table</c>).
/// kubectl has no client-side printer for a plain list any more and shows only NAME and AGE from one, so without
/// this <c>kubectl get svc</c> would never show the load balancer's address. Columns as the API server prints them.
/// </summary>
internal static class ServiceTable
{
    public const string ContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

    private static readonly (string Name, string Type, string Format, int Priority)[] Columns =
    [
        ("Name", "string", "name", 0), ("Type", "string", "", 0), ("Cluster-IP", "string", "", 0), ("External-IP", "string", "", 0),
        ("Port(s)", "string", "", 0), ("Age", "string", "", 0), ("Selector", "string", "", 1),
    ];

    /// <summary>A GET of Services whose Accept names the v1 Table (kubectl always offers it first).</summary>
    public static bool Wanted(HttpRequest request, ResourceRequest resource) =>
        resource.Type is { Group: "", Plural: "services" }
        && request.Headers.Accept.ToString().Contains("as=Table;v=v1;g=meta.k8s.io", StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpResponse response, long resourceVersion, IEnumerable<StoredObject> services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["columnDefinitions"] = new JsonArray([.. Columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["type"] = c.Type, ["format"] = c.Format, ["description"] = "", ["priority"] = c.Priority,
            })]),
            ["rows"] = new JsonArray([.. services.Select(s => (JsonNode)Row(JsonNode.Parse(s.Json)!.AsObject(), now))]),
        };
        var json = Encoding.UTF8.GetBytes(table.ToJsonString());
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, cancellationToken).AsTask();
    }

    private static JsonObject Row(JsonObject service, DateTimeOffset now)
    {
        var metadata = service["metadata"]!.AsObject();
        var spec = service["spec"] as JsonObject;
        var created = DateTimeOffset.TryParse((string?)metadata["creationTimestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : now;
        return new JsonObject
        {
            ["cells"] = new JsonArray(
                (string?)metadata["name"], (string?)spec?["type"] ?? "ClusterIP", (string?)spec?["clusterIP"] ?? "<none>",
                ExternalIps(service), Ports(spec), Age(now - created), Selector(spec)),
            ["object"] = new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = metadata.DeepClone() },
        };
    }

    // As the API server: ingress IPs (or hostnames) and spec.externalIPs; <pending> for a LoadBalancer without them.
    private static string ExternalIps(JsonObject service)
    {
        var ingress = (service["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? [])
            .Select(i => (string?)i?["ip"] ?? (string?)i?["hostname"]).OfType<string>();
        var external = (service["spec"]?["externalIPs"] as JsonArray ?? []).Select(i => (string?)i).OfType<string>();
        var all = ingress.Concat(external).ToList();
        return all.Count > 0 ? string.Join(",", all) : (string?)service["spec"]?["type"] == "LoadBalancer" ? "<pending>" : "<none>";
    }

    private static string Ports(JsonObject? spec)
    {
        var ports = (spec?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => (int?)p["nodePort"] is { } nodePort and > 0
                ? $"{(int?)p["port"]}:{nodePort}/{(string?)p["protocol"] ?? "TCP"}"
                : $"{(int?)p["port"]}/{(string?)p["protocol"] ?? "TCP"}")
            .ToList();
        return ports.Count > 0 ? string.Join(",", ports) : "<none>";
    }

    private static string Selector(JsonObject? spec) =>
        spec?["selector"] is JsonObject { Count: > 0 } selector ? string.Join(",", selector.Select(kv => $"{kv.Key}={(string?)kv.Value}")) : "<none>";

    /// <summary>apimachinery's <c>HumanDuration</c>, as <c>kubectl get</c> prints ages.</summary>
    internal static string Age(TimeSpan age)
    {
        var (s, m, h) = ((long)age.TotalSeconds, (long)age.TotalMinutes, (long)age.TotalHours);
        return s switch
        {
            < 0 => "0s",
            < 120 => $"{s}s",
            _ when m < 10 => s % 60 == 0 ? $"{m}m" : $"{m}m{s % 60}s",
            _ when m < 180 => $"{m}m",
            _ when h < 8 => m % 60 == 0 ? $"{h}h" : $"{h}h{m % 60}m",
            _ when h < 48 => $"{h}h",
            _ when h < 24 * 8 => h % 24 == 0 ? $"{h / 24}d" : $"{h / 24}d{h % 24}h",
            _ => $"{h / 24}d",
        };
    }
}
