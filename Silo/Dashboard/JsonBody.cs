using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ccm.Silo.Dashboard.Auth;
using Microsoft.AspNetCore.Http;

namespace Ccm.Silo.Dashboard;

/// <summary>
/// A JSON answer of the API: serialised with the source-generated context into a buffer first, so the
/// <c>Server-Timing</c> header can tell how long the server took (reading the state and serialising), and never cached.
/// </summary>
internal sealed class JsonBody : IResult
{
    private readonly Action<Utf8JsonWriter>? write;
    private readonly ReadOnlyMemory<byte> raw;
    private readonly int status;

    private JsonBody(Action<Utf8JsonWriter>? write, ReadOnlyMemory<byte> raw, int status)
    {
        this.write = write;
        this.raw = raw;
        this.status = status;
    }

    public static JsonBody Of<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        new(writer => JsonSerializer.Serialize(writer, value, type), default, status);

    /// <summary>JSON already serialised (a peer's answer relayed as it came).</summary>
    public static JsonBody Raw(ReadOnlyMemory<byte> json) => new(null, json, StatusCodes.Status200OK);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = raw;
        if (write is not null)
        {
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }

            body = buffer.WrittenMemory;
        }

        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        if (httpContext.Items.TryGetValue(DashboardGate.StartedKey, out var started) && started is long timestamp)
        {
            var ms = Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
            response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.0", CultureInfo.InvariantCulture);
        }

        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
