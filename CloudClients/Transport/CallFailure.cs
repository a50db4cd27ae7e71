namespace Ccm.CloudClients.Transport;

/// <summary>How an attempt failed, as far as the client can tell.</summary>
public enum FailureKind
{
    /// <summary>The service answered with an error body (or a non-2xx status).</summary>
    Service,

    /// <summary>No answer within the per-call timeout: the service may or may not have applied the request.</summary>
    Timeout,

    /// <summary>The connection could not be established (refused, DNS, TLS): the request never reached the service.</summary>
    NotSent,

    /// <summary>The connection failed after the request may have been sent.</summary>
    ConnectionLost,
}

/// <summary>One failed attempt: the input to the retry decision and to <see cref="OpenApiException"/>.</summary>
public sealed record CallFailure(FailureKind Kind, string Code, string Message, int? HttpStatus, string? RequestId, TimeSpan? TimeLeft = null)
{
    public static CallFailure Service(int status, string code, string message, string? requestId, TimeSpan? timeLeft) =>
        new(FailureKind.Service, code, message, status, requestId, timeLeft);

    public static CallFailure TimedOut(TimeSpan timeout) =>
        new(FailureKind.Timeout, OpenApiErrorCodes.ClientTimeout, $"no response within {timeout.TotalSeconds:0.###} s", null, null);

    public static CallFailure Connection(bool sent, string reason) =>
        new(sent ? FailureKind.ConnectionLost : FailureKind.NotSent, OpenApiErrorCodes.ClientConnectionFailed, reason, null, null);
}

/// <summary>Codes the client itself assigns to failures that have no service code.</summary>
public static class OpenApiErrorCodes
{
    public const string ClientTimeout = "Client.Timeout";
    public const string ClientConnectionFailed = "Client.ConnectionFailed";
    public const string ClientInvalidResponse = "Client.InvalidResponse";

    /// <summary>The client-side budget's queue was full; nothing was sent.</summary>
    public const string ClientRateLimited = "Client.RateLimited";

    /// <summary>Prefix for a non-2xx answer without a parseable error body, e.g. <c>Http.502</c>.</summary>
    public const string HttpStatusPrefix = "Http.";
}
