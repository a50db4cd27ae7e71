using System.Net;
using Ccm.Kube.Models;

namespace Ccm.Kube.Api;

/// <summary>
/// The API server refused a request; <see cref="Status"/> is the <c>kind: Status</c> body it sent (or one
/// synthesized from the HTTP status when the body was not a Status). Branch on the named predicates, which
/// follow apimachinery's <c>errors.IsNotFound</c> &amp; co.: the reason decides, the code is the fallback.
/// </summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(string operation, Status status, TimeSpan? retryAfter = null)
        : base($"{operation}: {status.Code} {status.Reason}: {status.Message}")
    {
        Operation = operation;
        Status = status;
        RetryAfter = retryAfter;
    }

    /// <summary>What was attempted, e.g. <c>patch services/status default/web</c>.</summary>
    public string Operation { get; }

    public Status Status { get; }

    /// <summary>From the <c>Retry-After</c> header or <c>details.retryAfterSeconds</c>, when the server gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    public int Code => Status.Code ?? 0;

    public string Reason => Status.Reason ?? "";

    public bool IsNotFound => Is("NotFound", HttpStatusCode.NotFound);

    /// <summary>409 from a stale resourceVersion (not <see cref="IsAlreadyExists"/>, which is also 409).</summary>
    public bool IsConflict => Is("Conflict", HttpStatusCode.Conflict);

    public bool IsAlreadyExists => Reason == "AlreadyExists";

    /// <summary>
    /// 410: the requested resourceVersion (or continue token) is older than the server's history. The only cure is
    /// a fresh list. Reasons <c>Expired</c> and <c>Gone</c> both mean it (client-go checks IsResourceExpired || IsGone).
    /// </summary>
    public bool IsGone => Code == (int)HttpStatusCode.Gone || Reason is "Expired" or "Gone";

    public bool IsTooManyRequests => Is("TooManyRequests", HttpStatusCode.TooManyRequests);

    public bool IsInvalid => Is("Invalid", HttpStatusCode.UnprocessableEntity);

    public bool IsBadRequest => Is("BadRequest", HttpStatusCode.BadRequest);

    public bool IsUnauthorized => Is("Unauthorized", HttpStatusCode.Unauthorized);

    public bool IsForbidden => Is("Forbidden", HttpStatusCode.Forbidden);

    public bool IsMethodNotSupported => Is("MethodNotAllowed", HttpStatusCode.MethodNotAllowed);

    public bool IsServerTimeout => Reason == "ServerTimeout" || Code == (int)HttpStatusCode.GatewayTimeout;

    public bool IsServiceUnavailable => Is("ServiceUnavailable", HttpStatusCode.ServiceUnavailable);

    public bool IsInternalError => Is("InternalError", HttpStatusCode.InternalServerError);

    private bool Is(string reason, HttpStatusCode code) =>
        Reason == reason || (KubeStatusReasons.IsUnknown(Reason) && Code == (int)code);
}
