using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    public static Task WriteErrorAsync(HttpResponse response, OpenApiException error, string requestId, Product? product) =>
        WriteAsync(response, error.StatusCode, ErrorResponse.For(error, requestId, product), WireJson.Default.ErrorResponse, requestId);
}
