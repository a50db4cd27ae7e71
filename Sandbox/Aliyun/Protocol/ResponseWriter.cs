using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ccm.Sandbox.Aliyun.Faults;
using Microsoft.AspNetCore.Http;

namespace Ccm.Sandbox.Aliyun.Protocol;

/// <summary>Writes JSON answers with the headers the real gateway sets (<c>x-acs-request-id</c>).</summary>
internal static class ResponseWriter
{
    public const string JsonContentType = "application/json;charset=utf-8";

    /// <summary>Like the real service, write '+', '&amp;' and non-ASCII text as is rather than as \u escapes.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Serialises first and sends with a Content-Length, as the real gateway does: one write instead of chunked framing,
    /// which is cheaper for both ends of a busy loopback benchmark.
    /// </summary>
    public static Task WriteAsync(HttpResponse response, int statusCode, object body, JsonTypeInfo typeInfo, string requestId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, body, typeInfo);
        }

        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        response.Headers["x-acs-request-id"] = requestId;
        return response.Body.WriteAsync(buffer.WrittenMemory, response.HttpContext.RequestAborted).AsTask();
    }

    /// <summary>
    /// Answers 200 with <paramref name="body"/> garbled as <paramref name="kind"/> says (<see cref="MalformedAnswer"/>),
    /// framed correctly, so that only the body is wrong.
    /// </summary>
    public static Task WriteMalformedAsync(HttpResponse response, MalformedAnswer kind, object body, JsonTypeInfo typeInfo, string requestId)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        var (bytes, contentType) = kind switch
        {
            MalformedAnswer.Truncated => (json[..(json.Length / 2)], JsonContentType),
            MalformedAnswer.WrongType => (WithWrongType(json), JsonContentType),
            _ => ("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"u8.ToArray(), "text/html"),
        };
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        response.Headers["x-acs-request-id"] = requestId;
        return response.Body.WriteAsync(bytes, response.HttpContext.RequestAborted).AsTask();
    }

    /// <summary>The answer with its first field after <c>RequestId</c> turned into another JSON type.</summary>
    private static byte[] WithWrongType(byte[] json)
    {
        var answer = JsonNode.Parse(json)!.AsObject();
        if (answer.FirstOrDefault(p => p.Key != "RequestId") is { Key: { } name } field)
        {
            // A list or an object becomes a string, a scalar a list: no client's string-or-number leniency reads either.
            answer[name] = field.Value is JsonObject or JsonArray ? JsonValue.Create("unexpected") : new JsonArray("unexpected");
        }

        return JsonSerializer.SerializeToUtf8Bytes(answer);
    }

    public static Task WriteErrorAsync(HttpResponse response, OpenApiException error, string requestId, Product? product) =>
        WriteAsync(response, error.StatusCode, ErrorResponse.For(error, requestId, product), WireJson.Default.ErrorResponse, requestId);
}
