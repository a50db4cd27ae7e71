using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ccm.Sandbox.Kube.Patch;
using Ccm.Sandbox.Kube.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Kube.Api;

/// <summary>Reading request bodies (JSON or YAML) and writing JSON replies and Status errors.</summary>
internal static class HttpBodies
{
    private static readonly string[] ObjectContentTypes = ["application/json", "application/yaml", KubeProtobuf.ContentType];

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The object of a POST or PUT: JSON, or YAML when the content type says so.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "application/json";
        if (mediaType == KubeProtobuf.ContentType)
        {
            return await ReadProtobufAsync(request, cancellationToken);
        }

        if (mediaType is not ("application/json" or "application/yaml" or "text/yaml" or "application/x-yaml" or "*/*"))
        {
            throw KubeApiException.UnsupportedMediaType(mediaType, ObjectContentTypes);
        }

        var text = await ReadTextAsync(request, cancellationToken);
        try
        {
            var node = mediaType.EndsWith("yaml", StringComparison.Ordinal) ? YamlJson.Parse(text) : JsonNode.Parse(text);
            return node as JsonObject ?? throw KubeApiException.BadRequest("the request body must be an object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw KubeApiException.BadRequest($"the request body could not be decoded: {e.Message}");
        }
    }

    /// <summary>kubectl's <c>create</c> generators send protobuf; the kinds they create are decoded.</summary>
    private static async Task<JsonObject> ReadProtobufAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        try
        {
            return KubeProtobuf.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (NotSupportedException e)
        {
            throw KubeApiException.UnsupportedMediaType(
                $"{KubeProtobuf.ContentType} for {e.Message} (decoded for: {string.Join(", ", KubeProtoSchemas.SupportedKinds)}; "
                + "send JSON, e.g. kubectl create ... --dry-run=client -o yaml | kubectl apply -f -)", ObjectContentTypes);
        }
        catch (FormatException e)
        {
            throw KubeApiException.BadRequest($"the protobuf body could not be decoded: {e.Message}");
        }
    }

    /// <summary>DeleteOptions from the body (optional) and the query.</summary>
    public static async Task<Semantics.DeleteOptions> ReadDeleteOptionsAsync(HttpRequest request, bool dryRun, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(request, cancellationToken);
        JsonNode? body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw KubeApiException.BadRequest($"the DeleteOptions could not be decoded: {e.Message}");
        }

        var bodyDryRun = body?["dryRun"] is JsonArray d && d.Any(v => (string?)v == "All");
        return new Semantics.DeleteOptions
        {
            PreconditionUid = (string?)body?["preconditions"]?["uid"],
            PreconditionResourceVersion = (string?)body?["preconditions"]?["resourceVersion"],
            DryRun = dryRun || bodyDryRun,
        };
    }

    public static Task WriteJsonAsync(HttpResponse response, int statusCode, byte[] json, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, cancellationToken).AsTask();
    }

    public static Task WriteJsonAsync(HttpResponse response, int statusCode, string json, CancellationToken cancellationToken) =>
        WriteJsonAsync(response, statusCode, Encoding.UTF8.GetBytes(json), cancellationToken);

    /// <summary>A Status reply; like the API server's response writer, a Status that says when to retry sets <c>Retry-After</c>.</summary>
    public static Task WriteStatusAsync(HttpResponse response, KubeApiException error, CancellationToken cancellationToken)
    {
        if (error.Details?.RetryAfterSeconds is > 0 and var seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(response, error.Code, StatusDocument.Serialize(error), cancellationToken);
    }
}
