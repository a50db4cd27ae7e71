using System.Diagnostics;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Aliyun.Protocol;
using Ccm.Sandbox.Aliyun.Signing;
using Ccm.Sandbox.Aliyun.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ccm.Sandbox.Aliyun.Hosting;

/// <summary>
/// Serves <c>GET|POST /</c> for SLB, VPC and ECS: read the call, find its action, refuse XML, verify the signature, apply
/// injected faults (targeted, then by chance), run the handler against the cloud, answer JSON (or drop or garble the answer), and record the call. The call is
/// recorded before its answer is written, so a client that has its answer finds the call in the log.
/// </summary>
internal sealed class OpenApiEndpoint(
    ActionTable actions, SignatureVerifier verifier, CloudStore store, FaultInjector faults, CallLog calls,
    EmulatorSettings settings, ILogger logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var call = new CallState(RequestIds.New(), Stopwatch.GetTimestamp());
        try
        {
            await ServeAsync(http, call);
        }
        catch (OpenApiException error)
        {
            call.Fail(error);
            if (call.Throttle is { } throttle)
            {
                http.Response.Headers[ThrottleRefusal.HeaderName] = throttle.HeaderValue(settings.Clock.GetUtcNow());
            }

            Record(call);
            await ResponseWriter.WriteErrorAsync(http.Response, error, call.RequestId, call.Product);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            call.Abandoned();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Unhandled error serving {Action} {RequestId}", call.Action, call.RequestId);
            call.Fail(CommonErrors.InternalError());
            Record(call);
            if (!http.Response.HasStarted)
            {
                await ResponseWriter.WriteErrorAsync(http.Response, CommonErrors.InternalError(), call.RequestId, call.Product);
            }
        }
        finally
        {
            Record(call);
        }
    }

    /// <summary>Adds the call to the log, once.</summary>
    private void Record(CallState call)
    {
        if (call.Recorded)
        {
            return;
        }

        var record = call.Record(settings.Clock.GetUtcNow());
        calls.Add(record);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Guarded: the argument array and boxing would otherwise cost every call on the hot path.
            logger.LogDebug("{Action} {Version} answered {StatusCode} {ErrorCode} in {DurationMs} ms ({RequestId})",
                record.Action, record.Version, record.StatusCode, record.ErrorCode, record.DurationMs, record.RequestId);
        }
    }

    private async Task ServeAsync(HttpContext http, CallState call)
    {
        var request = await RequestReader.ReadAsync(http.Request, http.RequestAborted);
        call.Identify(request);
        (call.Product, var handler) = actions.Resolve(request.Version, request.Action);
        // Without Format the real V2 answer is XML, which no SDK asks for; we answer JSON then and refuse an explicit XML.
        if (request.Signature == SignatureKind.V2 && request.Parameters.NonEmpty("Format") is { } format
            && !format.Equals("JSON", StringComparison.OrdinalIgnoreCase))
        {
            throw CommonErrors.XmlNotSupported();
        }

        call.AccessKeyId = verifier.Verify(request);
        await InjectFaultsAsync(call, request.Action, http.RequestAborted);
        var result = handler(new ActionContext
        {
            Action = request.Action, Parameters = request.Parameters, Store = store, RequestId = call.RequestId,
            Now = settings.Clock.GetUtcNow(), Settings = settings,
        });
        if (faults.TryConsumeDrop(request.Action) || faults.RandomDrop())
        {
            call.Dropped();
            Record(call);
            http.Abort();
            return;
        }

        if (faults.TryConsumeGarble(request.Action) is { } garble)
        {
            call.Fault = "malformed";
            Record(call);
            await ResponseWriter.WriteMalformedAsync(http.Response, garble, result.Body, result.TypeInfo, call.RequestId);
            return;
        }

        Record(call);
        await ResponseWriter.WriteAsync(http.Response, 200, result.Body, result.TypeInfo, call.RequestId);
    }

    private async Task InjectFaultsAsync(CallState call, string action, CancellationToken cancellationToken)
    {
        var latency = faults.LatencyFor(action);
        if (latency > TimeSpan.Zero)
        {
            call.Fault = "latency";
            await faults.DelayAsync(latency, cancellationToken);
        }

        if ((faults.Throttle(action) ?? faults.RandomThrottle()) is { } throttle)
        {
            call.Fault = "throttled";
            call.Throttle = throttle;
            throw throttle.Error;
        }

        if (faults.InjectedError(action) is { } error)
        {
            call.Fault = "error";
            throw error;
        }

        if (faults.RandomTimeout() is { } hold)
        {
            // Nothing is applied: the client gives up first (its own timeout), or after the hold hears a 503.
            call.Fault = "timeout";
            await Task.Delay(hold, settings.Clock, cancellationToken);
            throw CommonErrors.ServiceUnavailable();
        }
    }
}
