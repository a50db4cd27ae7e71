namespace Ccm.CloudClients.Transport;

/// <summary>
/// A failed OpenAPI call: the service's <see cref="Code"/>, <see cref="ServerMessage"/> and <see cref="RequestId"/>,
/// the HTTP status, or a client-side code (<see cref="OpenApiErrorCodes"/>) for timeouts and connection errors.
/// Built only from a <see cref="CallFailure"/> whose message went through <see cref="ServerMessage.Sanitize"/>, so
/// no credential material can reach the exception text.
/// </summary>
public sealed class OpenApiException : Exception
{
    public OpenApiException(string product, string action, CallFailure failure, int attempts, Exception? innerException = null)
        : base(Describe(product, action, failure, attempts), innerException)
    {
        Product = product;
        Action = action;
        Code = failure.Code;
        ServerMessage = failure.Message;
        RequestId = failure.RequestId;
        HttpStatus = failure.HttpStatus;
        Kind = failure.Kind;
        Attempts = attempts;
        IsRetryable = RetryPolicy.IsRetryable(failure);
    }

    public OpenApiException()
        : this("unknown", "unknown", new CallFailure(FailureKind.Service, "Unknown", "", null, null), 0)
    {
    }

    public OpenApiException(string message)
        : base(message)
    {
        Product = Action = Code = ServerMessage = "";
    }

    public OpenApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Product = Action = Code = ServerMessage = "";
    }

    public string Product { get; }

    public string Action { get; }

    /// <summary>The error code, e.g. <c>InvalidLoadBalancerId.NotFound</c>, <c>Throttling.User</c>, <c>Client.Timeout</c>.</summary>
    public string Code { get; }

    /// <summary>The service's message with any echoed string-to-sign removed.</summary>
    public string ServerMessage { get; }

    public string? RequestId { get; }

    public int? HttpStatus { get; }

    public FailureKind Kind { get; }

    /// <summary>Attempts made, including retries.</summary>
    public int Attempts { get; }

    /// <summary>Whether the failure class is transient (the caller may try again later, after re-reading state).</summary>
    public bool IsRetryable { get; }

    private static string Describe(string product, string action, CallFailure failure, int attempts) =>
        $"{product} {action} failed: {failure.Code}: {failure.Message}" +
        (failure.RequestId is null ? "" : $" (RequestId {failure.RequestId})") +
        (failure.HttpStatus is null ? "" : $" [HTTP {failure.HttpStatus}]") +
        (attempts > 1 ? $" after {attempts} attempts" : "");
}
