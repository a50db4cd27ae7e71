using System.Net;
using System.Text.Json.Nodes;
using k8s.Autorest;
using k8s.Models;

namespace Ccm.Kube.Tests.Support;

/// <summary>KubernetesClient's exception for a request the server refused, as it builds one: the code and the body.</summary>
internal static class Refusals
{
    public static HttpOperationException Http(V1Status status) => Http((HttpStatusCode)(status.Code ?? 500), Json(status));

    public static HttpOperationException Http(HttpStatusCode code, string body) =>
        new($"Operation returned an invalid status code '{code}', response body {body}")
        {
            Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), body),
        };

    /// <summary>A Status as the API server writes it (KubernetesClient can read a V1Status but not write one).</summary>
    public static string Json(V1Status status)
    {
        var json = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = status.Status ?? "Failure",
            ["message"] = status.Message,
            ["reason"] = status.Reason,
            ["code"] = status.Code,
        };
        if (status.Details is { } details)
        {
            json["details"] = new JsonObject
            {
                ["causes"] = new JsonArray([.. (details.Causes ?? []).Select(c => new JsonObject { ["reason"] = c.Reason, ["message"] = c.Message })]),
                ["retryAfterSeconds"] = details.RetryAfterSeconds,
            };
        }

        return json.ToJsonString();
    }
}
