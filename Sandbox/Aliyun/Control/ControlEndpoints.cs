using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ccm.Sandbox.Aliyun.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccm.Sandbox.Aliyun.Control;

/// <summary>
/// The control API under <c>/_emulator/</c> (JSON), the HTTP face of <see cref="FaultInjector"/>, <see cref="CallLog"/> and
/// <see cref="CloudControl"/> for tests that drive the standalone emulator:
/// faults (<c>GET|DELETE faults</c>, <c>PUT faults/latency|qps|errors</c>, <c>POST faults/drops|garbles</c>), the call log
/// (<c>GET|DELETE calls</c>, <c>?action=</c> to filter), <c>POST reset</c>, and state (see <see cref="ControlStateEndpoints"/>).
/// A bad body answers 400 and an unknown id 404, both with a plain-text reason.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, FaultInjector faults, CallLog calls, CloudControl cloud, Action reset)
    {
        var root = app.MapGroup("/_emulator");
        root.MapGet("/faults", http => Json(http, faults.Current, ControlJson.Default.FaultSettings));
        root.MapDelete("/faults", http => Done(http, faults.Clear));
        root.MapPut("/faults/latency", http => Guard(http, async () =>
        {
            var body = await Read(http, ControlJson.Default.LatencyRequest);
            await Done(http, () => faults.SetLatency(TimeSpan.FromMilliseconds(body.Milliseconds), body.Action));
        }));
        root.MapPut("/faults/qps", http => Guard(http, async () =>
        {
            var body = await Read(http, ControlJson.Default.QpsLimitRequest);
            await Done(http, () => faults.SetQpsLimit(body.Action, body.PerSecond));
        }));
        root.MapPut("/faults/errors", http => Guard(http, async () =>
        {
            var body = await Read(http, ControlJson.Default.ErrorRateRequest);
            await Done(http, () => faults.SetErrorRate(body.Rate, body.Action));
        }));
        root.MapPost("/faults/drops", http => Guard(http, async () =>
        {
            var body = await Read(http, ControlJson.Default.DropRequest);
            await Done(http, () => faults.DropResponses(body.Action, body.Count));
        }));
        root.MapPost("/faults/garbles", http => Guard(http, async () =>
        {
            var body = await Read(http, ControlJson.Default.GarbleRequest);
            await Done(http, () => faults.GarbleAnswers(body.Action, Enum.Parse<MalformedAnswer>(body.Kind, ignoreCase: true), body.Count));
        }));
        root.MapGet("/calls", http =>
        {
            var action = http.Request.Query["action"].ToString();
            var entries = action.Length > 0 ? calls.Of(action) : calls.Entries;
            return Json(http, new CallLogView(calls.Counts, entries), ControlJson.Default.CallLogView);
        });
        root.MapDelete("/calls", http => Done(http, calls.Clear));
        root.MapPost("/reset", http => Done(http, reset));
        ControlStateEndpoints.Map(root, cloud);
    }

    /// <summary>Runs a control action, answering 400 for a bad request and 404 for an unknown resource.</summary>
    internal static async Task Guard(HttpContext http, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (KeyNotFoundException error)
        {
            await Text(http, StatusCodes.Status404NotFound, $"not found: {error.Message}");
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            await Text(http, StatusCodes.Status400BadRequest, error.Message);
        }
    }

    internal static async Task<T> Read<T>(HttpContext http, JsonTypeInfo<T> typeInfo) =>
        await JsonSerializer.DeserializeAsync(http.Request.Body, typeInfo, http.RequestAborted)
            ?? throw new ArgumentException("a JSON body is required");

    internal static Task Json<T>(HttpContext http, T value, JsonTypeInfo<T> typeInfo) => http.Response.WriteAsJsonAsync(value, typeInfo);

    internal static Task Done(HttpContext http, Action change)
    {
        change();
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task Text(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(message);
    }
}
