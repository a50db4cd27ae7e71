using System.Diagnostics;
using Ccm.Sandbox.Aliyun.Faults;
using Ccm.Sandbox.Aliyun.Protocol;

namespace Ccm.Sandbox.Aliyun.Hosting;

/// <summary>What is known about a call so far, for its record in the call log.</summary>
internal sealed class CallState(string requestId, long started)
{
    public string RequestId { get; } = requestId;

    public bool Recorded { get; private set; }

    public string Action { get; private set; } = "";

    public Product? Product { get; set; }

    public string? AccessKeyId { get; set; }

    public string? Fault { get; set; }

    public ThrottleRefusal? Throttle { get; set; }

    private string version = "";
    private string signature = "";
    private int status = 200;
    private string? errorCode;

    public void Identify(ApiRequest request)
    {
        Action = request.Action;
        version = request.Version;
        signature = request.Signature.ToString();
    }

    public void Fail(OpenApiException error)
    {
        status = error.StatusCode;
        errorCode = error.Code;
    }

    public void Dropped()
    {
        status = 0;
        Fault = "dropped";
    }

    /// <summary>
    /// The client went away before its answer (its timeout, or a stopping silo cancelling its calls). A call held by the
    /// <c>timeout</c> fault stays counted as that fault: the client giving up is what the fault injects.
    /// </summary>
    public void Abandoned()
    {
        status = 0;
        Fault = Fault == "timeout" ? Fault : "abandoned";
    }

    public CallRecord Record(DateTimeOffset now)
    {
        Recorded = true;
        return new()
        {
            Time = now, Action = Action, Version = version, Signature = signature, AccessKeyId = AccessKeyId, StatusCode = status,
            ErrorCode = errorCode, RequestId = RequestId, DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds, Fault = Fault,
        };
    }
}
